#pragma once

// Hooks every block of a network and computes BlockStatistics for each image of every
// forward, on the device the network runs on. Results stay on the device until collect(),
// which moves them to the CPU in one transfer. The forward result is unchanged.

#include <torch/types.h>

#include <vector>

#include "model/network/ResNet.h"
#include "model/tracing/BlockStatistics.h"
#include "model/tracing/HookHandle.h"

namespace reslens {

class BlockStatisticsProbe {
public:
    explicit BlockStatisticsProbe(ResNetImpl& network);
    BlockStatisticsProbe(const BlockStatisticsProbe&) = delete;
    BlockStatisticsProbe& operator=(const BlockStatisticsProbe&) = delete;

    // Statistics of every image seen since the last collect() or clear(), in order.
    NetworkStatistics collect();
    void clear();

private:
    void record(size_t blockIndex, const BlockTrace& trace);

    std::vector<std::string> names_;
    std::vector<bool> hasShortcut_;
    std::vector<int64_t> elementsPerImage_;  // of F(x), for the standard deviation
    std::vector<bool> bypassed_;             // in the last forward (a lesion)
    std::vector<HookHandle> handles_;
    // Per block, one [batch, columns] float64 tensor of sums per forward.
    std::vector<std::vector<torch::Tensor>> pending_;
    // The previous block's output and its sum of squares: the next block's input is usually that
    // very tensor, so its sum of squares need not be computed again. Holding the tensor keeps its
    // memory from being reused by an unrelated tensor that could alias it.
    torch::Tensor lastOutput_;
    torch::Tensor lastOutputSquared_;
};

}  // namespace reslens
