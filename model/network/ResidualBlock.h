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
#include "model/network/FoldedConvolution.h"
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

    // A lesion (Veit et al. 2016): the block outputs its shortcut path alone — the
    // identity, option A's subsample + zero channels, or option B's projection — followed
    // by the block's usual post-addition ReLU (post-activation blocks only). A plain block,
    // which has no shortcut, becomes the parameter-free option-A map. Weights untouched.
    void setBypassed(bool bypassed) { bypassed_ = bypassed; }
    bool bypassed() const { return bypassed_; }

    // The inference fast path (FoldedConvolution.h), on by default: forwards in eval mode
    // without gradient run each convolution with its batch norm folded in, in the device's
    // fast layout. Off, every forward computes exactly as torchvision's does.
    void setFastInference(bool enabled) { fastInference_ = enabled; }
    bool fastInference() const { return fastInference_; }

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
    // bn(conv(x)), or conv(x) where bn is empty. On the fast path one folded convolution;
    // `slot` is the pair's place in the branch (0, 1, 2), each slot keeping its own copy.
    torch::Tensor convolveAndNormalize(size_t slot, const torch::nn::Conv2d& conv,
                                       const torch::nn::BatchNorm2d& bn, const torch::Tensor& x);
    // BN-ReLU of the block input for pre-activation blocks. Never in place on x itself:
    // the identity shortcut still needs it.
    static torch::Tensor activate(torch::nn::BatchNorm2d& bn, const torch::Tensor& x);

private:
    static constexpr size_t kProjectionSlot = 3;
    torch::Tensor project(const torch::Tensor& x);
    torch::Tensor applyShortcut(const torch::Tensor& x, const torch::Tensor& preactivated);
    torch::Tensor bypassForward(const torch::Tensor& x);

    BlockInfo info_;
    bool batchNorm_;
    bool preactivateInput_;
    bool bypassed_ = false;
    bool fastInference_ = true;
    std::vector<FoldedConvolution> folded_;  // by slot, made on the first fast forward
    torch::nn::Sequential downsample_{nullptr};
    std::shared_ptr<BlockHookList> hooks_ = std::make_shared<BlockHookList>();
};

}  // namespace reslens
