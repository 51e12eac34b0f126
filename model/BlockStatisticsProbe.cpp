#include "model/BlockStatisticsProbe.h"

#include <cmath>
#include <limits>

namespace reslens {
namespace {

enum Column { kInput, kResidual, kShortcut, kOutput, kRatio, kCosine, kStd, kColumns };

torch::Tensor flatPerImage(const torch::Tensor& t) { return t.detach().flatten(1); }

std::optional<double> finiteOrNone(double value) {
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

}  // namespace

BlockStatisticsProbe::BlockStatisticsProbe(ResNetImpl& network) {
    const auto& blocks = network.blocks();
    pending_.resize(blocks.size());
    for (size_t i = 0; i < blocks.size(); ++i) {
        names_.push_back(blocks[i]->info().name);
        handles_.push_back(blocks[i]->registerForwardHook(
            [this, i](const BlockTrace& trace) { record(i, trace); }));
    }
}

void BlockStatisticsProbe::record(size_t blockIndex, const BlockTrace& trace) {
    torch::NoGradGuard noGrad;
    const torch::Tensor residual = flatPerImage(trace.residual);
    const torch::Tensor output = flatPerImage(trace.output);

    torch::Tensor inputNorm = (lastOutput_.defined() && trace.input.is_same(lastOutput_))
                                  ? lastOutputNorm_
                                  : flatPerImage(trace.input).norm(2, {1});
    torch::Tensor residualNorm = residual.norm(2, {1});
    torch::Tensor outputNorm = output.norm(2, {1});
    torch::Tensor residualStd = residual.std(1, /*unbiased=*/false);

    torch::Tensor shortcutNorm, ratio, cosine;
    if (trace.shortcut.defined()) {
        const torch::Tensor shortcut = flatPerImage(trace.shortcut);
        shortcutNorm = shortcut.norm(2, {1});
        ratio = residualNorm / shortcutNorm;
        // cos = <F, s> / (|F| |s|); undefined (NaN, reported as null) when either is zero.
        cosine = (residual * shortcut).sum(1) / (residualNorm * shortcutNorm);
    } else {
        shortcutNorm = torch::full_like(residualNorm, std::numeric_limits<float>::quiet_NaN());
        ratio = shortcutNorm;
        cosine = shortcutNorm;
    }
    pending_[blockIndex].push_back(torch::stack(
        {inputNorm, residualNorm, shortcutNorm, outputNorm, ratio, cosine, residualStd}, 1));

    lastOutput_ = trace.output;
    lastOutputNorm_ = outputNorm;
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
    const torch::Tensor all =
        torch::stack(perBlock, 0).to(torch::kCPU, torch::kDouble).contiguous();
    clear();

    const int64_t images = all.size(1);
    auto values = all.accessor<double, 3>();
    result.resize(images);
    for (int64_t image = 0; image < images; ++image) {
        auto& blocks = result[image];
        blocks.reserve(names_.size());
        for (size_t b = 0; b < names_.size(); ++b) {
            BlockStatistics s;
            s.name = names_[b];
            s.inputNorm = values[b][image][kInput];
            s.residualNorm = values[b][image][kResidual];
            s.shortcutNorm = finiteOrNone(values[b][image][kShortcut]);
            s.outputNorm = values[b][image][kOutput];
            s.residualRatio = s.shortcutNorm ? finiteOrNone(values[b][image][kRatio]) : std::nullopt;
            s.cosine = s.shortcutNorm ? finiteOrNone(values[b][image][kCosine]) : std::nullopt;
            s.residualStd = values[b][image][kStd];
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
    lastOutputNorm_ = torch::Tensor();
}

}  // namespace reslens
