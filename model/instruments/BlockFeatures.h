#pragma once

// Every block's output over a set of dataset images, as the instruments compare them: the
// similarity study keeps each output whole (flattened), the linear probes keep its global
// average over the spatial positions (one number per channel, what the classifier itself
// reads after the last block).

#include <torch/types.h>

#include <functional>
#include <vector>

#include "model/data/Dataset.h"
#include "model/network/ResNet.h"

namespace reslens {

enum class FeatureReduction { Flatten, GlobalAveragePool };

struct BlockFeatures {
    std::vector<torch::Tensor> outputs;  // per block output (stem first): float32 CPU [n, D]
    torch::Tensor logits;                // the network's own [n, classes]
};

// Images [0, n) of `data`, prepared with the model's `mean` and `std` (each one per channel),
// through the network in eval mode without gradient, in batches. `progress(done, n)` after
// each batch; false stops and returns what was collected so far (fewer rows).
BlockFeatures collectBlockFeatures(ResNetImpl& network, const Dataset& data, int64_t n,
                                   const std::vector<double>& mean, const std::vector<double>& std,
                                   FeatureReduction reduction, int64_t batch = 100,
                                   const std::function<bool(int64_t, int64_t)>& progress = {});

}  // namespace reslens
