#pragma once

// One forward of a batch with statistics probes on every block: logits, probabilities,
// the top classes and every block's statistics, per image, in plain types.

#include <torch/types.h>

#include <vector>

#include "model/network/ResNet.h"
#include "model/tracing/BlockStatistics.h"

namespace reslens {

struct ClassScore {
    int64_t index = 0;
    double probability = 0;
};

struct Prediction {
    std::vector<float> logits;
    std::vector<ClassScore> top;  // best first
    std::vector<BlockStatistics> blocks;
};

// Runs `batch` ([N, C, H, W], already prepared) through the network on its device in
// inference mode and returns one Prediction per image, with the `topK` best classes.
std::vector<Prediction> classify(ResNetImpl& network, const torch::Tensor& batch, int topK);

}  // namespace reslens
