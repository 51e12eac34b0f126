#pragma once

// The one description of every ResNet variant ResLens builds. Deliberately free of
// LibTorch so that the GUI and the CLI can parse and show architectures cheaply.

#include <array>
#include <stdexcept>
#include <string>
#include <vector>

namespace reslens {

// Thrown for an architecture name or option combination that cannot be built.
class ConfigError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

enum class Family { ImageNet, Cifar };
enum class BlockKind { Basic, Bottleneck };
// A: parameter-free identity, zero-padded where channels grow (He et al. 2015, option A).
// B: 1x1 projection + BN where the shape changes, identity elsewhere (option B).
enum class ShortcutOption { A, B };
// Where a bottleneck downsamples: on its first 1x1 (v1, the paper) or its 3x3 (v1.5).
enum class StrideOn { Conv1x1, Conv3x3 };
// Where option A puts its zero channels: all after x's (fb.resnet.torch), or half before and
// half after, as F.pad(x[:, :, ::2, ::2], (0, 0, 0, 0, p, p)) does in the most-used PyTorch
// CIFAR code.
enum class ZeroPadPlacement { End, Both };

struct ResNetConfig {
    std::string arch = "resnet20";  // canonical name, e.g. "resnet50" or "plain56"
    Family family = Family::Cifar;
    BlockKind block = BlockKind::Basic;
    int depth = 20;
    std::vector<int> blocksPerStage = {3, 3, 3};
    std::vector<int> stageWidths = {16, 32, 64};  // width of each stage's 3x3 convolutions
    bool skip = true;
    ShortcutOption shortcut = ShortcutOption::A;
    StrideOn strideOn = StrideOn::Conv3x3;
    bool preact = false;
    bool batchNorm = true;
    int inChannels = 3;
    int classes = 10;
    int inputHeight = 32;
    int inputWidth = 32;

    // The stem: a stemKernel x stemKernel convolution (padding kernel/2) with stemStride, then,
    // when stemPoolStride > 0, a 3x3 max-pool (padding 1) with that stride. fromArchName sets
    // them from the family (7/2/2 for ImageNet, 3/1/none for CIFAR); imports read them.
    int stemKernel = 3;
    int stemStride = 1;
    int stemPoolStride = 0;
    int stemWidth = 0;  // the stem's output channels; 0: the first stage's width
    // Grouped 3x3 convolutions in bottlenecks (ResNeXt) and each stage's bottleneck inner
    // width (ResNeXt, Wide ResNet); empty: the stage width, as in He et al.'s bottleneck.
    int groups = 1;
    std::vector<int> innerWidths;
    ZeroPadPlacement zeroPad = ZeroPadPlacement::End;

    // Builds the default configuration of a name from docs/cli.md: resnet18/34/50/101/152,
    // resnetN for N = 6n+2 (CIFAR family), plainN for any of those N.
    static ResNetConfig fromArchName(const std::string& name);

    // Throws ConfigError when the configuration cannot be built.
    void validate() const;

    int expansion() const { return block == BlockKind::Bottleneck ? 4 : 1; }
    int numBlocks() const;
    int stemChannels() const { return stemWidth > 0 ? stemWidth : stageWidths.front(); }
    // The width of a stage's bottleneck 3x3 convolution (its stage width unless set).
    int innerWidth(size_t stage) const;
    // The name of the network with the same depth and skips as configured
    // ("resnet56" or "plain56").
    std::string canonicalName() const;
};

std::string toString(Family family);
std::string toString(BlockKind kind);
std::string toString(ShortcutOption option);
std::string toString(StrideOn strideOn);
std::string toString(ZeroPadPlacement placement);

}  // namespace reslens
