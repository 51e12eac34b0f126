#pragma once

// The shortcut of a residual block. Identity and option A's zero-padding hold no
// parameters; option B's projection is registered by the owning block under torchvision's
// name "downsample" (conv1x1 at index 0, BN at index 1), so this class only describes and
// applies it.

#include <torch/nn/modules/container/sequential.h>
#include <torch/types.h>

#include "model/network/BlockInfo.h"

namespace reslens {

// Option A, as in fb.resnet.torch's shortcutType 'A': subsample by striding
// (a 1x1 average pool with the block's stride) and append zero channels up to outChannels.
// ZeroPadPlacement::Both puts half of the new channels before x's (F.pad's (p, p)).
torch::Tensor zeroPadShortcut(const torch::Tensor& x, int stride, int outChannels,
                              ZeroPadPlacement placement = ZeroPadPlacement::End);

// Picks the shortcut a block needs from the configuration and the block's shape.
ShortcutKind chooseShortcut(const ResNetConfig& config, int inChannels, int outChannels,
                            int stride);

// 1x1 convolution with the block's stride, followed by BN when the network has BN.
torch::nn::Sequential makeProjection(int inChannels, int outChannels, int stride, bool batchNorm);

}  // namespace reslens
