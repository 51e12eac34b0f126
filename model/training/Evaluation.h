#pragma once

// Accuracy and mean cross-entropy of a network on a dataset, in inference mode.

#include <vector>

#include "model/data/Dataset.h"
#include "model/network/ResNet.h"

namespace reslens {

struct EvaluationResult {
    int64_t samples = 0;
    double accuracy = 0;
    double loss = 0;
};

EvaluationResult evaluate(ResNetImpl& network, const Dataset& data, const std::vector<double>& mean,
                          const std::vector<double>& std, int batch = 500);

// Images [start, start + n) of `data` as the network takes them: on the device of `mean` and
// `std` (each 1×C×1×1), as floats in [0, 1], normalised. Every evaluation prepares its
// batches through this, so that they all see the same numbers.
torch::Tensor normalizedImages(const Dataset& data, int64_t start, int64_t n,
                               const torch::Tensor& mean, const torch::Tensor& std);

}  // namespace reslens
