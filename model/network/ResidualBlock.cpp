#include "model/network/ResidualBlock.h"

#include "model/network/Shortcut.h"

namespace reslens {

ResidualBlockImpl::ResidualBlockImpl(BlockInfo info, bool batchNorm, bool preactivateInput)
    : info_(std::move(info)), batchNorm_(batchNorm), preactivateInput_(preactivateInput) {}

void ResidualBlockImpl::registerShortcut() {
    if (info_.shortcut == ShortcutKind::Projection) {
        downsample_ = register_module(
            "downsample",
            makeProjection(info_.inChannels, info_.outChannels, info_.stride, batchNorm_));
    }
}

torch::nn::BatchNorm2d ResidualBlockImpl::makeBatchNorm(const std::string& name, int channels) {
    if (!batchNorm_) {
        return torch::nn::BatchNorm2d{nullptr};
    }
    return register_module(name, torch::nn::BatchNorm2d(channels));
}

torch::Tensor ResidualBlockImpl::activate(torch::nn::BatchNorm2d& bn, const torch::Tensor& x) {
    return bn ? bn->forward(x).relu_() : torch::relu(x);
}

torch::Tensor ResidualBlockImpl::convolveAndNormalize(size_t slot, const torch::nn::Conv2d& conv,
                                                      const torch::nn::BatchNorm2d& bn,
                                                      const torch::Tensor& x) {
    if (!FoldedConvolution::takesFastPath(*this, fastInference_)) {
        return bn ? bn.ptr()->forward(conv.ptr()->forward(x)) : conv.ptr()->forward(x);
    }
    if (folded_.size() <= slot) {
        folded_.resize(slot + 1);
    }
    FoldedConvolution& folded = folded_[slot];
    if (!folded.isCurrentFor(conv, bn)) {
        folded.fold(conv, bn);
    }
    return folded.forward(x);
}

torch::Tensor ResidualBlockImpl::project(const torch::Tensor& x) {
    if (!FoldedConvolution::takesFastPath(*this, fastInference_)) {
        return downsample_->forward(x);
    }
    const torch::nn::Conv2d conv(downsample_->ptr<torch::nn::Conv2dImpl>(0));
    const torch::nn::BatchNorm2d bn =
        downsample_->size() > 1
            ? torch::nn::BatchNorm2d(
                  std::dynamic_pointer_cast<torch::nn::BatchNorm2dImpl>(downsample_->ptr(1)))
            : torch::nn::BatchNorm2d{nullptr};
    return convolveAndNormalize(kProjectionSlot, conv, bn, x);
}

torch::nn::Conv2d ResidualBlockImpl::shortcutConvolution() const {
    if (!downsample_) {
        return torch::nn::Conv2d{nullptr};
    }
    return torch::nn::Conv2d(downsample_->ptr<torch::nn::Conv2dImpl>(0));
}

HookHandle ResidualBlockImpl::registerForwardHook(BlockHook hook, TraceScope scope) {
    const auto id = hooks_->add(std::move(hook), scope);
    return HookHandle(hooks_, id);
}

torch::Tensor ResidualBlockImpl::applyShortcut(const torch::Tensor& x,
                                               const torch::Tensor& preactivated) {
    switch (info_.shortcut) {
        case ShortcutKind::Identity:
            return x;
        case ShortcutKind::ZeroPad:
            return zeroPadShortcut(x, info_.stride, info_.outChannels, info_.zeroPad);
        // A pre-activation projection sees the activated input, as in He et al. 2016.
        case ShortcutKind::Projection:
            return project(preactivated);
        case ShortcutKind::None:
            return torch::Tensor();
    }
    return torch::Tensor();
}

torch::Tensor ResidualBlockImpl::bypassForward(const torch::Tensor& x) {
    torch::Tensor path;
    switch (info_.shortcut) {
        case ShortcutKind::Identity:
            path = x;
            break;
        // A plain block's stand-in is option A's map, the identity where shapes match.
        case ShortcutKind::ZeroPad:
        case ShortcutKind::None:
            path = zeroPadShortcut(x, info_.stride, info_.outChannels, info_.zeroPad);
            break;
        case ShortcutKind::Projection:
            // A pre-activation projection needs BN-ReLU(x), which the branch computes; F(x)
            // is computed along and dropped (a few blocks per network have one).
            path = project(info_.preact ? residualBranch(x).shortcutInput : x);
            break;
    }
    // Never x itself: a later in-place operation must not reach the block's input.
    torch::Tensor output = info_.preact ? (path.is_same(x) ? x.clone() : path) : torch::relu(path);
    if (!hooks_->empty()) {
        const torch::Tensor absent = torch::zeros_like(output);
        const torch::Tensor shortcut =
            info_.shortcut == ShortcutKind::None ? torch::Tensor() : path;
        hooks_->call(BlockTrace{info_.name, x, absent, shortcut, output, /*bypassed=*/true});
    }
    return output;
}

torch::Tensor ResidualBlockImpl::forward(const torch::Tensor& x) {
    if (bypassed_) {
        return bypassForward(x);
    }
    Branch branch = residualBranch(x);
    torch::Tensor shortcut = applyShortcut(x, branch.shortcutInput);

    if (!hooks_->needsBranch()) {
        // Untraced: accumulate in place, exactly as torchvision's forward does.
        torch::Tensor out = branch.residual;
        if (shortcut.defined()) {
            out.add_(shortcut);
        }
        if (!info_.preact) {
            out.relu_();
        }
        if (!hooks_->empty()) {
            hooks_->call(BlockTrace{info_.name, x, torch::Tensor(), torch::Tensor(), out});
        }
        return out;
    }

    // Traced: F(x) must survive the addition for the hooks, so add out of place.
    // Same elementwise arithmetic, so the result is bit-identical to the untraced path.
    torch::Tensor output = shortcut.defined() ? branch.residual + shortcut : branch.residual;
    if (!info_.preact) {
        // In place only on a fresh sum; a plain block's F(x) must stay un-rectified.
        output = shortcut.defined() ? output.relu_() : torch::relu(output);
    }
    hooks_->call(BlockTrace{info_.name, x, branch.residual, shortcut, output});
    return output;
}

}  // namespace reslens
