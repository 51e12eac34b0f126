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
    if (info().preact) {
        torch::Tensor pre = preactivatesInput() ? activate(bn1, x) : x;
        torch::Tensor out = conv1->forward(pre);
        out = conv2->forward(normalize(bn2, out).relu_());
        return {out, pre};
    }
    torch::Tensor out = conv1->forward(x);
    out = normalize(bn1, out).relu_();
    out = normalize(bn2, conv2->forward(out));
    return {out, x};
}

}  // namespace reslens
