#include "app/core/studies/LesionStudy.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <numeric>
#include <random>
#include <set>

#include "model/network/LesionMask.h"
#include "model/runtime/InputError.h"
#include "model/training/Evaluation.h"

namespace reslens {
namespace {

std::vector<std::shared_ptr<ResidualBlockImpl>> candidateBlocks(const ResNetImpl& network,
                                                                const LesionOptions& options) {
    if (options.blocks.empty()) {
        return network.blocks();
    }
    std::vector<std::shared_ptr<ResidualBlockImpl>> chosen;
    const std::set<std::string> wanted(options.blocks.begin(), options.blocks.end());
    for (const auto& block : network.blocks()) {  // network order, whatever order was asked
        if (wanted.count(block->info().name) > 0) {
            chosen.push_back(block);
        }
    }
    return chosen;
}

}  // namespace

void checkLesionOptions(const ResNetImpl& network, const LesionOptions& options) {
    if (network.blocks().empty()) {
        throw InputError("the model has no residual blocks to bypass");
    }
    LesionMask(std::set<std::string>(options.blocks.begin(), options.blocks.end())).check(network);
    const int candidates = static_cast<int>(candidateBlocks(network, options).size());
    if (options.randomK < 0 || options.randomK > candidates) {
        throw InputError("--random " + std::to_string(options.randomK) + ": the study has " +
                         std::to_string(candidates) + " blocks to choose from");
    }
    if (options.randomK > 0 && options.trials < 1) {
        throw InputError("--trials must be at least 1");
    }
    if (options.samples < 0) {
        throw InputError("--samples must be 0 (all) or more");
    }
}

std::vector<std::vector<int>> drawLesions(int candidates, int k, int trials, uint64_t seed) {
    std::mt19937_64 random(seed);
    std::vector<std::vector<int>> draws;
    for (int t = 0; t < trials; ++t) {
        std::vector<int> order(candidates);
        std::iota(order.begin(), order.end(), 0);
        for (int i = 0; i < k; ++i) {
            const int j = i + static_cast<int>(random() % static_cast<uint64_t>(candidates - i));
            std::swap(order[i], order[j]);
        }
        draws.emplace_back(order.begin(), order.begin() + k);
    }
    return draws;
}

LesionStudyResult runLesionStudy(LoadedModel& model, const Dataset& allData,
                                 const LesionOptions& options, const LesionProgress& progress) {
    ResNetImpl& network = *model.network;
    checkLesionOptions(network, options);
    // A lesson or a quick look studies the first N images (the test split is shuffled, so
    // every class is in them); narrow() shares the storage, nothing is copied.
    Dataset data = allData;
    if (options.samples > 0 && options.samples < allData.size()) {
        data.images = allData.images.narrow(0, 0, options.samples);
        data.labels = allData.labels.narrow(0, 0, options.samples);
    }
    // Whatever mask the network had comes back at the end, by any return or exception.
    const ScopedLesion restore(network, LesionMask::of(network));
    const auto blocks = candidateBlocks(network, options);
    const Preprocessing& p = model.metadata.preprocessing;
    const int total = 1 + static_cast<int>(blocks.size()) + options.randomK * options.trials;
    int done = 0;
    LesionStudyResult result;
    // Stops the study when the callback says so; what ran so far is the result.
    const auto report = [&](const std::string& what) {
        ++done;
        if (progress && !progress(done, total, what)) {
            result.cancelled = true;
        }
        return !result.cancelled;
    };
    const auto evaluateWith = [&](const LesionMask& mask) {
        const ScopedLesion lesion(network, mask);
        const auto start = std::chrono::steady_clock::now();
        const EvaluationResult evaluation = evaluate(network, data, p.mean, p.std);
        result.evaluationSeconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        ++result.evaluations;
        return evaluation;
    };

    const EvaluationResult baseline = evaluateWith(LesionMask());
    result.samples = baseline.samples;
    result.baselineAccuracy = baseline.accuracy;
    result.baselineLoss = baseline.loss;
    if (!report("baseline")) {
        return result;
    }
    for (const auto& block : blocks) {
        const BlockInfo& info = block->info();
        const EvaluationResult lesioned = evaluateWith(LesionMask({info.name}));
        result.blocks.push_back(
            {info.name, info.stage, info.stride != 1, lesioned.accuracy, lesioned.loss});
        if (!report(info.name)) {
            return result;
        }
    }
    for (int k = 1; k <= options.randomK; ++k) {
        // One seed per k, so that asking for a larger K leaves the smaller k's draws alone.
        const auto draws = drawLesions(static_cast<int>(blocks.size()), k, options.trials,
                                       options.seed + static_cast<uint64_t>(k));
        std::vector<double> accuracies;
        for (size_t t = 0; t < draws.size(); ++t) {
            std::set<std::string> names;
            for (int index : draws[t]) {
                names.insert(blocks[index]->info().name);
            }
            accuracies.push_back(evaluateWith(LesionMask(names)).accuracy);
            if (!report("k=" + std::to_string(k) + " trial " + std::to_string(t + 1))) {
                break;
            }
        }
        RandomLesion r;
        r.k = k;
        r.trials = static_cast<int>(accuracies.size());
        r.meanAccuracy = std::accumulate(accuracies.begin(), accuracies.end(), 0.0) / r.trials;
        double squares = 0;
        for (double a : accuracies) {
            squares += (a - r.meanAccuracy) * (a - r.meanAccuracy);
        }
        r.stdAccuracy = r.trials > 1 ? std::sqrt(squares / (r.trials - 1)) : 0.0;
        result.random.push_back(r);
        if (result.cancelled) {
            break;
        }
    }
    return result;
}

}  // namespace reslens
