#pragma once

// Per-image, per-block statistics of y = F(x) + shortcut(x), in plain types.
// Norms are L2 over the whole CxHxW tensor of one image (docs/cli.md).

#include <optional>
#include <string>
#include <vector>

namespace reslens {

struct BlockStatistics {
    std::string name;
    double inputNorm = 0;
    double residualNorm = 0;             // ||F(x)||
    std::optional<double> shortcutNorm;  // absent for a plain block
    double outputNorm = 0;
    std::optional<double> residualRatio;  // ||F(x)|| / ||shortcut||
    std::optional<double> cosine;         // cos(F(x), shortcut)
    double residualStd = 0;               // std of F(x)'s elements (He et al. 2015, Fig. 7)
    // Bypassed by a lesion: F(x) absent, so its norm and std are 0 and the ratio and cosine
    // are absent, not 0 or NaN.
    bool bypassed = false;
};

// One entry per image, each holding one entry per block in forward order.
using NetworkStatistics = std::vector<std::vector<BlockStatistics>>;

}  // namespace reslens
