#pragma once

// What BasicBlock and Bottleneck share: the shortcut, the addition y = F(x) + shortcut(x),
// and the forward hooks that report both terms. Subclasses supply only F(x).

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>

#include <memory>
#include <vector>

#include "model/network/BlockInfo.h"
#include "model/tracing/BlockHookList.h"
#include "model/tracing/HookHandle.h"

namespace reslens {

class ResidualBlockImpl : public torch::nn::Module {
public:
    ResidualBlockImpl(BlockInfo info, bool batchNorm, bool preactivateInput);

    // y = relu(F(x) + shortcut(x)) for post-activation blocks, F(x) + shortcut(x) for
    // pre-activation ones; a plain block drops the shortcut term.
    torch::Tensor forward(const torch::Tensor& x);

    // The hook sees every forward until the returned handle is destroyed or removed. With
    // TraceScope::InputAndOutput the trace's residual and shortcut are left undefined.
    HookHandle registerForwardHook(BlockHook hook, TraceScope scope = TraceScope::Everything);
    std::size_t hookCount() const { return hooks_->size(); }

    const BlockInfo& info() const { return info_; }
    bool hasBatchNorm() const { return batchNorm_; }
    // Whether the block applies BN-ReLU to its input itself (false for the first
    // pre-activation block, whose input the stem has just activated).
    bool preactivatesInput() const { return preactivateInput_; }

    // The residual branch's convolutions in the order the input flows through them.
    virtual std::vector<torch::nn::Conv2d> branchConvolutions() const = 0;
    // The projection shortcut's convolution, or an empty holder for parameter-free ones.
    torch::nn::Conv2d shortcutConvolution() const;

protected:
    struct Branch {
        torch::Tensor residual;       // F(x)
        torch::Tensor shortcutInput;  // x, or BN-ReLU(x) in pre-activation blocks
    };
    virtual Branch residualBranch(const torch::Tensor& x) = 0;

    // Registered last, after the branch, so that the key order matches torchvision's.
    void registerShortcut();
    // BN when the network has it, identity otherwise.
    torch::nn::BatchNorm2d makeBatchNorm(const std::string& name, int channels);
    static torch::Tensor normalize(torch::nn::BatchNorm2d& bn, const torch::Tensor& x);
    // BN-ReLU of the block input for pre-activation blocks. Never in place on x itself:
    // the identity shortcut still needs it.
    static torch::Tensor activate(torch::nn::BatchNorm2d& bn, const torch::Tensor& x);

private:
    torch::Tensor applyShortcut(const torch::Tensor& x, const torch::Tensor& preactivated);

    BlockInfo info_;
    bool batchNorm_;
    bool preactivateInput_;
    torch::nn::Sequential downsample_{nullptr};
    std::shared_ptr<BlockHookList> hooks_ = std::make_shared<BlockHookList>();
};

}  // namespace reslens
