#include "model/tracing/BlockStatisticsProbe.h"

#include <cmath>

#include "model/tracing/BlockSums.h"

namespace reslens {
namespace {

std::optional<double> finiteOrNone(double value) {
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

// Column of the per-block record after blockSums()'s columns.
constexpr int kSumInputSquared = kBlockSumColumns;

}  // namespace

BlockStatisticsProbe::BlockStatisticsProbe(ResNetImpl& network) {
    const auto& blocks = network.blocks();
    pending_.resize(blocks.size());
    elementsPerImage_.resize(blocks.size());
    bypassed_.resize(blocks.size());
    for (size_t i = 0; i < blocks.size(); ++i) {
        names_.push_back(blocks[i]->info().name);
        hasShortcut_.push_back(blocks[i]->info().shortcut != ShortcutKind::None);
        handles_.push_back(blocks[i]->registerForwardHook(
            [this, i](const BlockTrace& trace) { record(i, trace); }));
    }
}

void BlockStatisticsProbe::record(size_t blockIndex, const BlockTrace& trace) {
    torch::NoGradGuard noGrad;
    torch::Tensor sums = blockSums(trace.residual, trace.shortcut, trace.output);
    torch::Tensor inputSquared = (lastOutput_.defined() && trace.input.is_same(lastOutput_))
                                     ? lastOutputSquared_
                                     : sumOfSquaresPerImage(trace.input).to(sums.device());
    pending_[blockIndex].push_back(torch::cat({sums, inputSquared.unsqueeze(1)}, 1));
    lastOutput_ = trace.output;
    lastOutputSquared_ = sums.select(1, kSumOutputSquared);
    elementsPerImage_[blockIndex] = trace.residual[0].numel();
    bypassed_[blockIndex] = trace.bypassed;
}

NetworkStatistics BlockStatisticsProbe::collect() {
    NetworkStatistics result;
    if (pending_.empty() || pending_.front().empty()) {
        clear();
        return result;
    }
    std::vector<torch::Tensor> perBlock;
    for (auto& forwards : pending_) {
        perBlock.push_back(torch::cat(forwards, 0));
    }
    // [blocks, images, columns], moved to the CPU once.
    const torch::Tensor all = torch::stack(perBlock, 0).to(torch::kCPU).contiguous();
    const std::vector<int64_t> elements = elementsPerImage_;
    clear();

    const int64_t images = all.size(1);
    auto sums = all.accessor<double, 3>();
    result.resize(images);
    for (int64_t image = 0; image < images; ++image) {
        auto& blocks = result[image];
        blocks.reserve(names_.size());
        for (size_t b = 0; b < names_.size(); ++b) {
            const auto v = sums[b][image];
            const double n = static_cast<double>(elements[b]);
            BlockStatistics s;
            s.name = names_[b];
            s.inputNorm = std::sqrt(v[kSumInputSquared]);
            s.residualNorm = std::sqrt(v[kSumResidualSquared]);
            s.outputNorm = std::sqrt(v[kSumOutputSquared]);
            const double mean = v[kSumResidual] / n;
            s.residualStd = std::sqrt(std::max(0.0, v[kSumResidualSquared] / n - mean * mean));
            if (hasShortcut_[b]) {
                const double shortcutNorm = std::sqrt(v[kSumShortcutSquared]);
                s.shortcutNorm = shortcutNorm;
                // Undefined (null) when the shortcut or F(x) is exactly zero.
                s.residualRatio = finiteOrNone(s.residualNorm / shortcutNorm);
                s.cosine =
                    finiteOrNone(v[kSumResidualTimesShortcut] / (s.residualNorm * shortcutNorm));
            }
            if (bypassed_[b]) {
                s.bypassed = true;
                s.residualRatio.reset();
                s.cosine.reset();
            }
            blocks.push_back(std::move(s));
        }
    }
    return result;
}

void BlockStatisticsProbe::clear() {
    for (auto& forwards : pending_) {
        forwards.clear();
    }
    lastOutput_ = torch::Tensor();
    lastOutputSquared_ = torch::Tensor();
}

}  // namespace reslens
