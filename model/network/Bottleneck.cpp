#include "model/network/Bottleneck.h"

#include "model/network/ConvFactory.h"

namespace reslens {

BottleneckImpl::BottleneckImpl(const BlockInfo& info, StrideOn strideOn, bool batchNorm,
                               bool preactivateInput)
    : ResidualBlockImpl(info, batchNorm, preactivateInput) {
    const bool bias = !batchNorm;
    const int width = info.innerWidth;
    const int stride1x1 = strideOn == StrideOn::Conv1x1 ? info.stride : 1;
    const int stride3x3 = strideOn == StrideOn::Conv3x3 ? info.stride : 1;
    if (info.preact) {
        if (preactivateInput) {
            bn1 = makeBatchNorm("bn1", info.inChannels);
        }
        conv1 = register_module("conv1", conv1x1(info.inChannels, width, stride1x1, bias));
        bn2 = makeBatchNorm("bn2", width);
        conv2 = register_module("conv2", conv3x3(width, width, stride3x3, bias, info.groups));
        bn3 = makeBatchNorm("bn3", width);
        conv3 = register_module("conv3", conv1x1(width, info.outChannels, 1, bias));
    } else {
        conv1 = register_module("conv1", conv1x1(info.inChannels, width, stride1x1, bias));
        bn1 = makeBatchNorm("bn1", width);
        conv2 = register_module("conv2", conv3x3(width, width, stride3x3, bias, info.groups));
        bn2 = makeBatchNorm("bn2", width);
        conv3 = register_module("conv3", conv1x1(width, info.outChannels, 1, bias));
        bn3 = makeBatchNorm("bn3", info.outChannels);
    }
    registerShortcut();
}

ResidualBlockImpl::Branch BottleneckImpl::residualBranch(const torch::Tensor& x) {
    // A batch norm folds into the convolution it follows (see BasicBlock.cpp).
    if (info().preact) {
        torch::Tensor pre = preactivatesInput() ? activate(bn1, x) : x;
        torch::Tensor out = convolveAndNormalize(0, conv1, bn2, pre).relu_();
        out = convolveAndNormalize(1, conv2, bn3, out).relu_();
        out = convolveAndNormalize(2, conv3, torch::nn::BatchNorm2d{nullptr}, out);
        return {out, pre};
    }
    torch::Tensor out = convolveAndNormalize(0, conv1, bn1, x).relu_();
    out = convolveAndNormalize(1, conv2, bn2, out).relu_();
    out = convolveAndNormalize(2, conv3, bn3, out);
    return {out, x};
}

}  // namespace reslens
