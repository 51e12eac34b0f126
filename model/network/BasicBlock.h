#pragma once

// Two 3x3 convolutions (ResNet-18/34 and the CIFAR family). Post-activation:
// conv-BN-ReLU-conv-BN; pre-activation (He et al. 2016): BN-ReLU-conv-BN-ReLU-conv.

#include "model/network/ResidualBlock.h"

namespace reslens {

class BasicBlockImpl : public ResidualBlockImpl {
public:
    static constexpr int kExpansion = 1;

    BasicBlockImpl(const BlockInfo& info, bool batchNorm, bool preactivateInput);

    std::vector<torch::nn::Conv2d> branchConvolutions() const override { return {conv1, conv2}; }

    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr}, bn2{nullptr};

protected:
    Branch residualBranch(const torch::Tensor& x) override;
};
TORCH_MODULE(BasicBlock);

}  // namespace reslens
