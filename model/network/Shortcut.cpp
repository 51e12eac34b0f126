#include "model/network/Shortcut.h"

#include <torch/nn/functional/padding.h>
#include <torch/nn/modules/batchnorm.h>

#include "model/network/ConvFactory.h"

namespace reslens {

torch::Tensor zeroPadShortcut(const torch::Tensor& x, int stride, int outChannels,
                              ZeroPadPlacement placement) {
    using torch::indexing::None;
    using torch::indexing::Slice;
    torch::Tensor subsampled =
        stride == 1
            ? x
            : x.index({Slice(), Slice(), Slice(None, None, stride), Slice(None, None, stride)});
    const int64_t extra = outChannels - x.size(1);
    if (extra <= 0) {
        return subsampled;
    }
    // Pad spec runs from the last dimension backwards: (W, W, H, H, C_before, C_after).
    const int64_t before = placement == ZeroPadPlacement::Both ? extra / 2 : 0;
    return torch::constant_pad_nd(subsampled, {0, 0, 0, 0, before, extra - before}, 0.0);
}

ShortcutKind chooseShortcut(const ResNetConfig& config, int inChannels, int outChannels,
                            int stride) {
    if (!config.skip) {
        return ShortcutKind::None;
    }
    if (stride == 1 && inChannels == outChannels) {
        return ShortcutKind::Identity;
    }
    return config.shortcut == ShortcutOption::A ? ShortcutKind::ZeroPad : ShortcutKind::Projection;
}

torch::nn::Sequential makeProjection(int inChannels, int outChannels, int stride, bool batchNorm) {
    torch::nn::Sequential projection;
    projection->push_back(conv1x1(inChannels, outChannels, stride, /*bias=*/!batchNorm));
    if (batchNorm) {
        projection->push_back(torch::nn::BatchNorm2d(outChannels));
    }
    return projection;
}

std::string toString(ShortcutKind kind) {
    switch (kind) {
        case ShortcutKind::Identity:
            return "identity";
        case ShortcutKind::ZeroPad:
            return "zero-pad";
        case ShortcutKind::Projection:
            return "projection";
        case ShortcutKind::None:
            return "none";
    }
    return "none";
}

}  // namespace reslens
