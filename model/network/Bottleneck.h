#pragma once

// 1x1 (reduce) - 3x3 - 1x1 (expand by 4), ResNet-50/101/152. The stride sits on the 3x3
// (v1.5, torchvision) or on the first 1x1 (v1, He et al. 2015).

#include "model/network/ResidualBlock.h"

namespace reslens {

class BottleneckImpl : public ResidualBlockImpl {
public:
    static constexpr int kExpansion = 4;

    // info.outChannels = width * kExpansion.
    BottleneckImpl(const BlockInfo& info, StrideOn strideOn, bool batchNorm, bool preactivateInput);

    std::vector<torch::nn::Conv2d> branchConvolutions() const override {
        return {conv1, conv2, conv3};
    }

    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr}, bn2{nullptr}, bn3{nullptr};

protected:
    Branch residualBranch(const torch::Tensor& x) override;
};
TORCH_MODULE(Bottleneck);

}  // namespace reslens
