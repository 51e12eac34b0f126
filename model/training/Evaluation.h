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

}  // namespace reslens
