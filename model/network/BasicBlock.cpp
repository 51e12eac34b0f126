#include "model/network/BasicBlock.h"

#include "model/network/ConvFactory.h"

namespace reslens {

BasicBlockImpl::BasicBlockImpl(const BlockInfo& info, bool batchNorm, bool preactivateInput)
    : ResidualBlockImpl(info, batchNorm, preactivateInput) {
    const bool bias = !batchNorm;
    if (info.preact) {
        if (preactivateInput) {
            bn1 = makeBatchNorm("bn1", info.inChannels);
        }
        conv1 =
            register_module("conv1", conv3x3(info.inChannels, info.outChannels, info.stride, bias));
        bn2 = makeBatchNorm("bn2", info.outChannels);
        conv2 = register_module("conv2", conv3x3(info.outChannels, info.outChannels, 1, bias));
    } else {
        conv1 =
            register_module("conv1", conv3x3(info.inChannels, info.outChannels, info.stride, bias));
        bn1 = makeBatchNorm("bn1", info.outChannels);
        conv2 = register_module("conv2", conv3x3(info.outChannels, info.outChannels, 1, bias));
        bn2 = makeBatchNorm("bn2", info.outChannels);
    }
    registerShortcut();
}

ResidualBlockImpl::Branch BasicBlockImpl::residualBranch(const torch::Tensor& x) {
    // A batch norm folds into the convolution it follows: in pre-activation blocks bn2
    // follows conv1, and conv2 has none after it.
    if (info().preact) {
        torch::Tensor pre = preactivatesInput() ? activate(bn1, x) : x;
        torch::Tensor out = convolveAndNormalize(0, conv1, bn2, pre).relu_();
        out = convolveAndNormalize(1, conv2, torch::nn::BatchNorm2d{nullptr}, out);
        return {out, pre};
    }
    torch::Tensor out = convolveAndNormalize(0, conv1, bn1, x).relu_();
    out = convolveAndNormalize(1, conv2, bn2, out);
    return {out, x};
}

}  // namespace reslens
