#pragma once

// Per-block gradient norms of one backward pass: the L2 norm over all of a block's
// parameter gradients (docs/cli.md), and the L2 norm of the gradient arriving at the block's
// output (through a tensor hook attached during the forward). Both computed on the device,
// moved to the CPU in one transfer.

#include <torch/types.h>

#include <vector>

#include "model/network/ResNet.h"
#include "model/tracing/HookHandle.h"

namespace reslens {

class GradientNormProbe {
public:
    explicit GradientNormProbe(ResNetImpl& network);
    GradientNormProbe(const GradientNormProbe&) = delete;
    GradientNormProbe& operator=(const GradientNormProbe&) = delete;

    // After backward(): one value per block, in forward order.
    void collect(std::vector<double>& parameterNorms, std::vector<double>& outputNorms);

private:
    std::vector<HookHandle> handles_;
    std::vector<torch::Tensor> parameters_;  // all blocks' parameters, block by block
    torch::Tensor blockOfParameter_;         // int64 block index of each parameter
    size_t blocks_ = 0;
    std::vector<torch::Tensor> outputSquares_;  // per block, set by the tensor hooks
};

}  // namespace reslens
