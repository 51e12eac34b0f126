#include "app/core/studies/LesionStudy.h"

#include <torch/torch.h>

#include <algorithm>
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

// The intact network and every single-block lesion on one batch, sharing what they share:
// a network with block i bypassed computes exactly what the intact one does up to block i,
// so the stem and the blocks run once, each block's input is kept, and the lesion of block
// i starts from it. The logits are bit for bit those of a full forward with the lesion.
struct Tally {
    double lossSum = 0;
    int64_t correct = 0;
    void add(const torch::Tensor& logits, const torch::Tensor& labels) {
        lossSum += torch::cross_entropy_loss(logits, labels, {}, at::Reduction::Sum).item<double>();
        correct += logits.argmax(1).eq(labels).sum().item<int64_t>();
    }
};

// The batch evaluate() uses: the same batches give the same numbers.
constexpr int kBatch = 500;
// What the kept block inputs of one batch may take; a larger network (an ImageNet ResNet at
// 224 px keeps ~22 MB per image) evaluates each lesion in full instead, with the same result.
constexpr int64_t kSharedPrefixBytes = int64_t(1) << 30;

int64_t keptInputBytes(ResNetImpl& network, const Dataset& data) {
    if (data.size() == 0) {
        return 0;
    }
    torch::InferenceMode inference;
    network.eval();
    const auto device = network.fc->weight.device();
    torch::Tensor x = network.stem(data.images.narrow(0, 0, 1).to(device).to(torch::kFloat));
    int64_t bytes = 0;
    for (const auto& block : network.blocks()) {
        bytes += x.numel() * int64_t(x.element_size());
        x = block->forward(x);
    }
    return bytes * std::min<int64_t>(kBatch, data.size());
}

// `tallies[0]` the intact network, `tallies[1 + c]` candidate c bypassed. Stops after the
// batch on which `keepGoing` says no; returns the images evaluated.
int64_t sweepSingleLesions(ResNetImpl& network, const Dataset& data, const Preprocessing& p,
                           const std::vector<size_t>& candidates, std::vector<Tally>& tallies,
                           const std::function<bool(int64_t done)>& keepGoing) {
    torch::InferenceMode inference;
    network.eval();
    const ScopedLesion intact(network, LesionMask());  // the prior mask comes back after
    const auto& blocks = network.blocks();
    const auto device = network.fc->weight.device();
    const auto floats = torch::TensorOptions().dtype(torch::kFloat).device(device);
    const torch::Tensor mean = torch::tensor(p.mean, floats).view({1, -1, 1, 1});
    const torch::Tensor std = torch::tensor(p.std, floats).view({1, -1, 1, 1});
    int64_t done = 0;
    for (int64_t start = 0; start < data.size(); start += kBatch) {
        const int64_t n = std::min<int64_t>(kBatch, data.size() - start);
        const torch::Tensor inputs = normalizedImages(data, start, n, mean, std);
        const torch::Tensor labels = data.labels.narrow(0, start, n).to(device);
        std::vector<torch::Tensor> blockInputs;
        torch::Tensor x = network.stem(inputs);
        for (const auto& block : blocks) {
            blockInputs.push_back(x);  // a block never writes into its input
            x = block->forward(x);
        }
        tallies[0].add(network.head(x), labels);
        for (size_t c = 0; c < candidates.size(); ++c) {
            const size_t first = candidates[c];
            blocks[first]->setBypassed(true);
            x = blocks[first]->forward(blockInputs[first]);
            blocks[first]->setBypassed(false);
            for (size_t b = first + 1; b < blocks.size(); ++b) {
                x = blocks[b]->forward(x);
            }
            tallies[1 + c].add(network.head(x), labels);
        }
        done += n;
        if (!keepGoing(done)) {
            break;
        }
    }
    return done;
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

namespace {

// `count` of `available` indices, drawn without replacement by a partial Fisher-Yates shuffle
// on mt19937_64 (the same on every platform, unlike std::shuffle), in ascending order.
torch::Tensor drawSamples(int64_t available, int64_t count, uint64_t seed) {
    std::mt19937_64 random(seed);
    std::vector<int64_t> order(static_cast<size_t>(available));
    std::iota(order.begin(), order.end(), 0);
    for (int64_t i = 0; i < count; ++i) {
        const int64_t j = i + static_cast<int64_t>(random() % static_cast<uint64_t>(available - i));
        std::swap(order[size_t(i)], order[size_t(j)]);
    }
    order.resize(static_cast<size_t>(count));
    std::sort(order.begin(), order.end());
    return torch::tensor(order, torch::kLong);
}

}  // namespace

LesionStudyResult runLesionStudy(LoadedModel& model, const Dataset& allData,
                                 const LesionOptions& options, const LesionProgress& progress) {
    ResNetImpl& network = *model.network;
    checkLesionOptions(network, options);
    // A lesson or a quick look studies the first N images (the test split is shuffled, so
    // every class is in them); narrow() shares the storage, nothing is copied.
    Dataset data = allData;
    if (options.samples > 0 && options.samples < allData.size()) {
        if (options.sampleSeed == 0) {
            data.images = allData.images.narrow(0, 0, options.samples);
            data.labels = allData.labels.narrow(0, 0, options.samples);
        } else {
            const torch::Tensor drawn =
                drawSamples(allData.size(), options.samples, options.sampleSeed);
            data.images = allData.images.index_select(0, drawn);
            data.labels = allData.labels.index_select(0, drawn);
        }
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

    const bool shared = data.size() > 0 && keptInputBytes(network, data) <= kSharedPrefixBytes;
    if (shared) {
        // The intact network and every single-block lesion, batch by batch; progress in
        // their share of the study's evaluations, a cancel after the batch it came in.
        const auto& all = network.blocks();
        std::vector<size_t> candidates;  // each chosen block's place in the network
        for (const auto& block : blocks) {
            candidates.push_back(size_t(std::find(all.begin(), all.end(), block) - all.begin()));
        }
        std::vector<Tally> tallies(1 + blocks.size());
        const int sweep = 1 + static_cast<int>(blocks.size());
        const auto start = std::chrono::steady_clock::now();
        const int64_t images =
            sweepSingleLesions(network, data, p, candidates, tallies, [&](int64_t evaluated) {
                done = static_cast<int>(sweep * evaluated / std::max<int64_t>(data.size(), 1));
                if (progress && !progress(done, total,
                                          "images " + std::to_string(evaluated) + " of " +
                                              std::to_string(data.size()))) {
                    result.cancelled = true;
                }
                return !result.cancelled;
            });
        result.evaluationSeconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        result.evaluations += sweep;
        done = sweep;
        // Over the images evaluated: all of them, or those before a cancel.
        const double count = static_cast<double>(std::max<int64_t>(images, 1));
        result.samples = images;
        result.baselineAccuracy = double(tallies[0].correct) / count;
        result.baselineLoss = tallies[0].lossSum / count;
        for (size_t c = 0; c < blocks.size(); ++c) {
            const BlockInfo& info = blocks[c]->info();
            result.blocks.push_back({info.name, info.stage, info.stride != 1,
                                     double(tallies[1 + c].correct) / count,
                                     tallies[1 + c].lossSum / count});
        }
        if (result.cancelled) {
            return result;
        }
    } else {
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
