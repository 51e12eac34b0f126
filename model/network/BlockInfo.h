#pragma once

// What a residual block is, in plain terms the GUI and the CLI can show without LibTorch.

#include <string>

#include "model/network/ResNetConfig.h"

namespace reslens {

// What a block adds to its residual branch F(x).
enum class ShortcutKind {
    Identity,    // x itself
    ZeroPad,     // x subsampled and zero-padded to the new width (option A)
    Projection,  // 1x1 convolution (+ BN) where the shape changes (option B)
    None         // plain network: no shortcut at all
};

std::string toString(ShortcutKind kind);

struct BlockInfo {
    std::string name;   // torchvision's module path, e.g. "layer1.0"
    std::string stage;  // the paper's stage name, e.g. "conv2_x"
    int stageIndex = 0;
    int indexInStage = 0;
    BlockKind kind = BlockKind::Basic;
    int inChannels = 0;
    int outChannels = 0;
    int stride = 1;
    ShortcutKind shortcut = ShortcutKind::Identity;
    bool preact = false;
    int innerWidth = 0;  // a bottleneck's 3x3 width
    int groups = 1;      // a bottleneck's 3x3 groups (ResNeXt)
    ZeroPadPlacement zeroPad = ZeroPadPlacement::End;
};

}  // namespace reslens
