#pragma once

// Keeps the four tensors of chosen blocks (input, F(x), shortcut, output) from the last
// forward, detached and optionally copied to the CPU, for feature-map grids.

#include <torch/types.h>

#include <map>
#include <string>
#include <vector>

#include "model/network/ResNet.h"
#include "model/tracing/HookHandle.h"

namespace reslens {

struct CapturedBlock {
    torch::Tensor input;
    torch::Tensor residual;
    torch::Tensor shortcut;  // undefined for a plain block
    torch::Tensor output;
};

class FeatureCaptureProbe {
public:
    // blockNames empty: every block. Throws std::invalid_argument for an unknown name.
    FeatureCaptureProbe(ResNetImpl& network, const std::vector<std::string>& blockNames = {},
                        bool moveToCpu = true);
    FeatureCaptureProbe(const FeatureCaptureProbe&) = delete;
    FeatureCaptureProbe& operator=(const FeatureCaptureProbe&) = delete;

    // The tensors from the most recent forward, by block name.
    const std::map<std::string, CapturedBlock>& captured() const { return captured_; }
    const CapturedBlock* find(const std::string& blockName) const;
    void clear() { captured_.clear(); }
    // While paused, forwards leave what was captured as it is (e.g. a batch classified in
    // between, whose tensors nobody will draw).
    void setPaused(bool paused) { paused_ = paused; }
    // Keep half-precision copies (display copies: half the memory, 3 significant digits)
    // instead of the float tensors themselves. Affects the next forward.
    void setHalfPrecision(bool half) { half_ = half; }
    bool halfPrecision() const { return half_; }

private:
    torch::Tensor keep(const torch::Tensor& t);

    bool moveToCpu_;
    bool paused_ = false;
    bool half_ = false;
    // The last block's tensors and what was kept of them: a block's input is the previous
    // block's output and an identity shortcut is the input, so a copy is made once.
    std::vector<std::pair<torch::Tensor, torch::Tensor>> lastKept_;
    std::vector<HookHandle> handles_;
    std::map<std::string, CapturedBlock> captured_;
};

}  // namespace reslens
