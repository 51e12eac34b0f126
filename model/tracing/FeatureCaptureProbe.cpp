#include "model/tracing/FeatureCaptureProbe.h"

#include <stdexcept>

namespace reslens {

FeatureCaptureProbe::FeatureCaptureProbe(ResNetImpl& network,
                                         const std::vector<std::string>& blockNames, bool moveToCpu)
    : moveToCpu_(moveToCpu) {
    std::vector<std::shared_ptr<ResidualBlockImpl>> chosen;
    if (blockNames.empty()) {
        chosen = network.blocks();
    } else {
        for (const auto& name : blockNames) {
            auto block = network.block(name);
            if (!block) {
                throw std::invalid_argument("no block named '" + name + "' in " +
                                            network.config().arch);
            }
            chosen.push_back(block);
        }
    }
    for (const auto& block : chosen) {
        handles_.push_back(block->registerForwardHook([this](const BlockTrace& trace) {
            if (paused_) {
                return;
            }
            auto keep = [this](const torch::Tensor& t) {
                if (!t.defined()) {
                    return torch::Tensor();
                }
                return moveToCpu_ ? t.detach().to(torch::kCPU) : t.detach();
            };
            captured_[trace.name] = CapturedBlock{keep(trace.input), keep(trace.residual),
                                                  keep(trace.shortcut), keep(trace.output)};
        }));
    }
}

const CapturedBlock* FeatureCaptureProbe::find(const std::string& blockName) const {
    auto it = captured_.find(blockName);
    return it == captured_.end() ? nullptr : &it->second;
}

}  // namespace reslens
