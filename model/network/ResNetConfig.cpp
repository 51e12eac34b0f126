#include "model/network/ResNetConfig.h"

#include <numeric>

namespace reslens {
namespace {

bool parseDepth(const std::string& digits, int& depth) {
    if (digits.empty() || digits.size() > 4) {
        return false;
    }
    for (char c : digits) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    depth = std::stoi(digits);
    return true;
}

// torchvision's resnet18 ... resnet152, one line each.
struct ImageNetLayout {
    int depth;
    BlockKind block;
    std::vector<int> blocksPerStage;
};
const ImageNetLayout kImageNetLayouts[] = {
    {18, BlockKind::Basic, {2, 2, 2, 2}},        {34, BlockKind::Basic, {3, 4, 6, 3}},
    {50, BlockKind::Bottleneck, {3, 4, 6, 3}},   {101, BlockKind::Bottleneck, {3, 4, 23, 3}},
    {152, BlockKind::Bottleneck, {3, 8, 36, 3}},
};

void setImageNetLayout(ResNetConfig& config) {
    config.family = Family::ImageNet;
    config.stageWidths = {64, 128, 256, 512};
    config.shortcut = ShortcutOption::B;
    config.inChannels = 3;
    config.classes = 1000;
    config.inputHeight = 224;
    config.inputWidth = 224;
    config.stemKernel = 7;
    config.stemStride = 2;
    config.stemPoolStride = 2;
    for (const ImageNetLayout& layout : kImageNetLayouts) {
        if (layout.depth == config.depth) {
            config.block = layout.block;
            config.blocksPerStage = layout.blocksPerStage;
            return;
        }
    }
    throw ConfigError("internal: no ImageNet layout for depth " + std::to_string(config.depth));
}

// He et al. 2015, section 4.2: 6n+2 layers, three stages of n basic blocks, 16/32/64 filters.
void setCifarLayout(ResNetConfig& config) {
    const int n = (config.depth - 2) / 6;
    config.family = Family::Cifar;
    config.block = BlockKind::Basic;
    config.blocksPerStage = {n, n, n};
    config.stageWidths = {16, 32, 64};
    config.shortcut = ShortcutOption::A;
    config.inChannels = 3;
    config.classes = 10;
    config.inputHeight = 32;
    config.inputWidth = 32;
    config.stemKernel = 3;
    config.stemStride = 1;
    config.stemPoolStride = 0;
}

bool isImageNetDepth(int depth) {
    for (const ImageNetLayout& layout : kImageNetLayouts) {
        if (layout.depth == depth) {
            return true;
        }
    }
    return false;
}

}  // namespace

ResNetConfig ResNetConfig::fromArchName(const std::string& name) {
    ResNetConfig config;
    std::string digits;
    if (name.rfind("resnet", 0) == 0) {
        config.skip = true;
        digits = name.substr(6);
    } else if (name.rfind("plain", 0) == 0) {
        config.skip = false;
        digits = name.substr(5);
    } else {
        throw ConfigError("unknown architecture '" + name +
                          "' (expected resnetN or plainN, N one of 18 34 50 101 152 or 6n+2)");
    }
    if (!parseDepth(digits, config.depth)) {
        throw ConfigError("unknown architecture '" + name + "': '" + digits + "' is not a depth");
    }
    if (isImageNetDepth(config.depth)) {
        setImageNetLayout(config);
    } else if (config.depth >= 8 && (config.depth - 2) % 6 == 0) {
        setCifarLayout(config);
    } else {
        throw ConfigError("unknown architecture '" + name + "': depth " + digits +
                          " is neither an ImageNet depth (18 34 50 101 152) nor 6n+2 with n >= 1 "
                          "(20 32 44 56 110 ...)");
    }
    config.arch = config.canonicalName();
    return config;
}

void ResNetConfig::validate() const {
    if (inChannels < 1 || inChannels > 4096) {
        throw ConfigError("input channels must be between 1 and 4096, got " +
                          std::to_string(inChannels));
    }
    if (classes < 1 || classes > 1000000) {
        throw ConfigError("classes must be between 1 and 1000000, got " + std::to_string(classes));
    }
    if (inputHeight < 1 || inputWidth < 1 || inputHeight > 8192 || inputWidth > 8192) {
        throw ConfigError("input size must be between 1x1 and 8192x8192, got " +
                          std::to_string(inputHeight) + "x" + std::to_string(inputWidth));
    }
    if (blocksPerStage.empty() || blocksPerStage.size() != stageWidths.size()) {
        throw ConfigError("internal: stage layout and widths disagree");
    }
    for (int blocks : blocksPerStage) {
        if (blocks < 1) {
            throw ConfigError("every stage needs at least one block");
        }
    }
    if (stemKernel < 1 || stemKernel > 15 || stemKernel % 2 == 0 || stemStride < 1 ||
        stemStride > 4 || stemPoolStride < 0 || stemPoolStride > 4 || stemWidth < 0) {
        throw ConfigError(
            "the stem must be an odd kernel of 1 to 15 with stride 1 to 4, and a "
            "max-pool stride of 0 (none) to 4");
    }
    for (int width : stageWidths) {
        if (width < 1 || width > 65536) {
            throw ConfigError("stage widths must be between 1 and 65536");
        }
    }
    if (!innerWidths.empty() && innerWidths.size() != stageWidths.size()) {
        throw ConfigError("internal: inner widths and stages disagree");
    }
    if (groups < 1 || (groups > 1 && block != BlockKind::Bottleneck)) {
        throw ConfigError("grouped convolutions need bottleneck blocks");
    }
    for (size_t stage = 0; stage < stageWidths.size(); ++stage) {
        if (innerWidth(stage) < 1 || innerWidth(stage) % groups != 0) {
            throw ConfigError("a stage's inner width " + std::to_string(innerWidth(stage)) +
                              " is not a multiple of " + std::to_string(groups) + " groups");
        }
    }
    if (numBlocks() > 1000) {
        throw ConfigError("more than 1000 residual blocks is not supported");
    }
}

int ResNetConfig::numBlocks() const {
    return std::accumulate(blocksPerStage.begin(), blocksPerStage.end(), 0);
}

int ResNetConfig::innerWidth(size_t stage) const {
    return innerWidths.empty() ? stageWidths.at(stage) : innerWidths.at(stage);
}

std::string ResNetConfig::canonicalName() const {
    return (skip ? "resnet" : "plain") + std::to_string(depth);
}

std::string toString(Family family) {
    return family == Family::ImageNet ? "imagenet" : "cifar";
}
std::string toString(BlockKind kind) {
    return kind == BlockKind::Basic ? "basic" : "bottleneck";
}
std::string toString(ShortcutOption option) {
    return option == ShortcutOption::A ? "A" : "B";
}
std::string toString(StrideOn strideOn) {
    return strideOn == StrideOn::Conv1x1 ? "1x1" : "3x3";
}

std::string toString(ZeroPadPlacement placement) {
    return placement == ZeroPadPlacement::End ? "end" : "both";
}

}  // namespace reslens
