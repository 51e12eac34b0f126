#pragma once

// Accounting of a network, block by block: parameters split into residual-branch
// convolutions / batch norm / shortcut, multiply-adds at the configured input size, output
// shapes. Plain types only, so widgets and the CLI can show it without LibTorch.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/network/BlockInfo.h"
#include "model/network/ResNetConfig.h"

namespace reslens {

class ResNetImpl;

using Shape3 = std::array<int64_t, 3>;  // C, H, W of one image

struct BlockAccount {
    BlockInfo info;
    int64_t params = 0;
    int64_t convParams = 0;      // the residual branch's convolutions (biases included)
    int64_t bnParams = 0;        // the residual branch's batch norms (weight and bias)
    int64_t shortcutParams = 0;  // projection convolution and its BN
    // For a bottleneck: the convolution parameters of two 3x3 convolutions at the block's
    // output width, 3*3*C*C*2 -- what a basic block of the same width would cost.
    std::optional<int64_t> basicEquivalentParams;
    int64_t macs = 0;  // multiply-adds of the branch and shortcut convolutions
    Shape3 outputShape{};
};

// A stretch of the network that is not a residual block: the stem or the classifier head.
struct LayerAccount {
    std::string name;
    int64_t params = 0;
    int64_t macs = 0;
    Shape3 outputShape{};
};

struct ArchitectureSummary {
    ResNetConfig config;
    int64_t totalParams = 0;
    int64_t macs = 0;  // convolutions and the classifier, at the configured input size
    LayerAccount stem;
    std::vector<BlockAccount> blocks;
    LayerAccount head;  // pooling, final BN of pre-activation nets, fc
};

// Accounts an existing network (reads its modules, runs nothing).
ArchitectureSummary summarize(const ResNetImpl& network);
// Builds the configured network on the CPU and accounts it. Throws ConfigError.
ArchitectureSummary summarize(const ResNetConfig& config);

}  // namespace reslens
