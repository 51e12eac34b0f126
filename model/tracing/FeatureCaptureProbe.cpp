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
            std::vector<std::pair<torch::Tensor, torch::Tensor>> before;
            before.swap(lastKept_);
            auto shared = [&](const torch::Tensor& t) {
                if (!t.defined()) {
                    return torch::Tensor();
                }
                for (const auto* list : {&before, &lastKept_}) {
                    for (const auto& [source, kept] : *list) {
                        if (t.is_same(source)) {
                            return kept;
                        }
                    }
                }
                torch::Tensor kept = keep(t);
                lastKept_.emplace_back(t, kept);
                return kept;
            };
            captured_[trace.name] = CapturedBlock{shared(trace.input), shared(trace.residual),
                                                  shared(trace.shortcut), shared(trace.output)};
        }));
    }
}

torch::Tensor FeatureCaptureProbe::keep(const torch::Tensor& t) {
    torch::Tensor kept = moveToCpu_ ? t.detach().to(torch::kCPU) : t.detach();
    return half_ ? kept.to(torch::kHalf) : kept;
}

const CapturedBlock* FeatureCaptureProbe::find(const std::string& blockName) const {
    auto it = captured_.find(blockName);
    return it == captured_.end() ? nullptr : &it->second;
}

}  // namespace reslens
