#pragma once

// The representations the instruments compare: the stem's output, then every residual
// block's output, in network order. One walk of the network (stem, blocks, head) that hands
// each of them to a visitor, so that no hook is registered and nothing is kept beyond it.

#include <torch/types.h>

#include <functional>
#include <string>
#include <vector>

#include "model/network/ResNet.h"

namespace reslens {

// "stem", then the block names ("layer1.0", ...).
std::vector<std::string> blockOutputNames(const ResNetImpl& network);

// The stage each output belongs to: 0 for the stem, 1 for the first residual stage, ...
std::vector<int> blockOutputStages(const ResNetImpl& network);

// Runs the network on x, calls visit(index, output) for the stem (index 0) and each block
// (1..), and returns the logits. The same numbers as network.forward(x).
torch::Tensor forwardVisitingBlocks(
    ResNetImpl& network, const torch::Tensor& x,
    const std::function<void(size_t index, const torch::Tensor& output)>& visit);

}  // namespace reslens
