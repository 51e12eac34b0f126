#include "app/cli/diagnostics/DeviceChecks.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

#include "model/files/StateDict.h"
#include "model/tracing/BlockStatisticsProbe.h"
#include "model/tracing/GradCam.h"
#include "model/training/BatchSampler.h"
#include "model/training/Trainer.h"
#include "model/training/TrainingSession.h"

namespace reslens::cli {
namespace {

// Tolerances, relative to the reference's magnitude. Without TF32 (switched off below), a
// GPU's float32 differs from the CPU's only in summation order: errors of 1e-6..1e-5 per
// layer that a 50-layer network may grow tenfold.
constexpr double kLogitTolerance = 1e-3;
constexpr double kStatisticTolerance = 1e-3;
constexpr double kLossTolerance = 1e-4;
constexpr double kGradientTolerance = 1e-3;
constexpr double kWeightTolerance = 1e-2;  // of the update's norm (see checkTrainingStep)

double relativeDifference(double value, double reference) {
    return std::abs(value - reference) / std::max(std::abs(reference), 1e-12);
}

// max |a - b| / max |b| over the tensors, compared in float64 on the CPU.
double relativeMaxDifference(const torch::Tensor& a, const torch::Tensor& b) {
    const torch::Tensor x = a.detach().to(torch::kCPU, torch::kDouble);
    const torch::Tensor y = b.detach().to(torch::kCPU, torch::kDouble);
    const double scale = std::max(y.abs().max().item<double>(), 1e-12);
    return (x - y).abs().max().item<double>() / scale;
}

CheckResult result(std::string name, std::string measure, double value, double tolerance,
                   std::string detail = {}) {
    return {std::move(name), std::move(measure), value,
            tolerance,       value <= tolerance, std::move(detail)};
}

ResNetConfig smallConfig(const std::string& arch) {
    ResNetConfig config = ResNetConfig::fromArchName(arch);
    config.inChannels = 1;
    config.inputHeight = config.inputWidth = 28;
    return config;
}

// The same network twice: on the checked device in float, and on the reference.
struct NetworkPair {
    ResNet checked, reference;
};

NetworkPair makePair(const ResNetConfig& config, const DeviceCheckOptions& options) {
    torch::manual_seed(options.seed);
    NetworkPair pair{ResNet(config), ResNet(config)};
    loadStateDict(*pair.reference, stateDict(*pair.checked), "copy", config.arch);
    pair.checked->to(options.device);
    pair.reference->to(options.referenceDevice, options.referenceType);
    return pair;
}

std::vector<CheckResult> checkForward(const ResNetConfig& config, int batch, bool statistics,
                                      const DeviceCheckOptions& options) {
    NetworkPair pair = makePair(config, options);
    pair.checked->eval();
    pair.reference->eval();
    torch::manual_seed(options.seed + 1);
    const torch::Tensor input =
        torch::randn({batch, config.inChannels, config.inputHeight, config.inputWidth});
    torch::NoGradGuard noGrad;
    BlockStatisticsProbe checkedProbe(*pair.checked), referenceProbe(*pair.reference);
    const torch::Tensor logits = pair.checked->forward(input.to(options.device));
    const torch::Tensor expected =
        pair.reference->forward(input.to(options.referenceDevice, options.referenceType));
    const std::string what =
        config.arch + ", " + std::to_string(batch) + "x" + std::to_string(config.inChannels) + "x" +
        std::to_string(config.inputHeight) + "x" + std::to_string(config.inputWidth);
    std::vector<CheckResult> results;
    results.push_back(result("logits " + what, "max |difference| / max |logit|",
                             relativeMaxDifference(logits, expected), kLogitTolerance));
    if (!statistics) {
        return results;
    }
    const NetworkStatistics got = checkedProbe.collect(), want = referenceProbe.collect();
    double worst = 0;
    std::string where;
    for (size_t image = 0; image < want.size(); ++image) {
        for (size_t block = 0; block < want[image].size(); ++block) {
            const BlockStatistics &a = got[image][block], &b = want[image][block];
            std::vector<std::pair<double, double>> pairs = {{a.inputNorm, b.inputNorm},
                                                            {a.residualNorm, b.residualNorm},
                                                            {a.outputNorm, b.outputNorm},
                                                            {a.residualStd, b.residualStd}};
            if (b.shortcutNorm && a.shortcutNorm) {
                pairs.emplace_back(*a.shortcutNorm, *b.shortcutNorm);
                pairs.emplace_back(*a.residualRatio, *b.residualRatio);
            }
            for (const auto& [x, y] : pairs) {
                const double d = relativeDifference(x, y);
                if (d > worst) {
                    worst = d;
                    where = "image " + std::to_string(image) + ", " + b.name;
                }
            }
        }
    }
    results.push_back(result("block statistics " + what, "max relative difference over blocks",
                             worst, kStatisticTolerance, where));
    return results;
}

Dataset syntheticData(int64_t n, uint64_t seed) {
    // Noise with a learnable signal: the label sets the brightness of a central square.
    torch::manual_seed(seed);
    Dataset data;
    data.labels = torch::randint(0, 10, {n}, torch::kLong);
    data.images = torch::randint(0, 60, {n, 1, 28, 28}, torch::kUInt8);
    const torch::Tensor brightness = (data.labels * 20).to(torch::kUInt8).view({n, 1, 1, 1});
    data.images.narrow(2, 8, 12).narrow(3, 8, 12).copy_(brightness.expand({n, 1, 12, 12}));
    data.classNames.assign(10, "c");
    data.name = "synthetic";
    return data;
}

TrainingOptions trainingOptions(int64_t steps) {
    TrainingOptions o;
    o.steps = steps;
    o.batch = 32;
    o.learningRate = 0.05;
    o.schedule = LearningRateSchedule::Constant;
    o.mean = {0.2};
    o.std = {0.3};
    o.seed = 5;
    return o;
}

std::vector<CheckResult> checkTrainingStep(const DeviceCheckOptions& options) {
    const ResNetConfig config = smallConfig("resnet20");
    NetworkPair pair = makePair(config, options);
    const TrainingOptions o = trainingOptions(1);
    const Dataset data = syntheticData(64, options.seed + 2);
    const Batch batch = BatchSampler(data, o).next();
    TensorMap before;
    for (const auto& item : pair.reference->named_parameters()) {
        before[item.key()] = item.value().detach().to(torch::kCPU, torch::kDouble);
    }
    TrainingSession checked(pair.checked, o, 1), reference(pair.reference, o, 1);
    const StepReport a = checked.step(batch), b = reference.step(batch);
    double worstGradient = 0;
    for (size_t i = 0; i < b.blockGradientNorms.size(); ++i) {
        worstGradient = std::max(
            {worstGradient, relativeDifference(a.blockGradientNorms[i], b.blockGradientNorms[i]),
             relativeDifference(a.outputGradientNorms[i], b.outputGradientNorms[i])});
    }
    // The SGD updates agree: ||w_checked - w_reference|| / ||w_reference - w_before|| over
    // all parameters. (Per element, a bias's gradient is a sum over the batch that can cancel
    // to almost nothing, and batch norm's backward subtracts means: float32 gradients carry
    // ~1e-3 relative error against float64 here. The update as a whole is what training
    // follows.)
    double differenceSquared = 0, updateSquared = 0;
    const auto updated = pair.checked->named_parameters();
    for (const auto& item : pair.reference->named_parameters()) {
        const std::string& name = item.key();
        const torch::Tensor& tensor = item.value();
        const torch::Tensor want = tensor.detach().to(torch::kCPU, torch::kDouble);
        differenceSquared += (updated[name].detach().to(torch::kCPU, torch::kDouble) - want)
                                 .square()
                                 .sum()
                                 .item<double>();
        updateSquared += (want - before.at(name)).square().sum().item<double>();
    }
    const double weightDifference = std::sqrt(differenceSquared / std::max(updateSquared, 1e-300));
    const std::string what = "resnet20 step, batch 32, 1x28x28";
    return {result("loss, " + what, "relative difference", relativeDifference(a.loss, b.loss),
                   kLossTolerance, std::to_string(a.loss) + " vs " + std::to_string(b.loss)),
            result("gradient norms, " + what,
                   "max relative difference (block parameters, block outputs)", worstGradient,
                   kGradientTolerance),
            result("weight update, " + what, "||difference|| / ||update||, all parameters",
                   weightDifference, kWeightTolerance)};
}

CheckResult checkPairedRun(const DeviceCheckOptions& options) {
    torch::manual_seed(options.seed + 3);
    ResNet residual(smallConfig("resnet20"));
    ResNet plain = plainTwinOf(*residual);
    residual->to(options.device);
    plain->to(options.device);
    const Dataset data = syntheticData(512, options.seed + 4);
    std::vector<std::vector<double>> losses(2);
    const std::vector<RunOutcome> outcomes =
        trainTogether({residual, plain}, data, trainingOptions(options.pairedSteps), nullptr,
                      [&](size_t run, const StepReport& r) { losses[run].push_back(r.loss); });
    std::string detail;
    bool completed = true;
    for (size_t run = 0; run < 2; ++run) {
        const RunOutcome& outcome = outcomes[run];
        completed = completed && outcome.status == RunStatus::Finished &&
                    outcome.steps == options.pairedSteps &&
                    losses[run].size() == size_t(options.pairedSteps);
        detail += std::string(run == 0 ? "resnet20" : "plain20") + ": " + toString(outcome.status) +
                  " after " + std::to_string(outcome.steps) + " steps, loss " +
                  (losses[run].empty() ? std::string("-")
                                       : std::to_string(losses[run].front()) + " -> " +
                                             std::to_string(losses[run].back())) +
                  (run == 0 ? "; " : "");
    }
    // Learning shows as a lower loss over the last five steps than at the first.
    double ratio = 1e9;
    if (completed && losses[0].size() >= 5) {
        double tail = 0;
        for (size_t i = losses[0].size() - 5; i < losses[0].size(); ++i) {
            tail += losses[0][i] / 5;
        }
        ratio = tail / losses[0].front();
    }
    return result("paired run resnet20 + plain20, " + std::to_string(options.pairedSteps) +
                      " steps, batch 32",
                  "resnet20's mean loss over the last 5 steps / its first loss", ratio, 0.9,
                  detail);
}

// Grad-CAM at three places of resnet50 (the stem, a middle and the last block) on the
// checked device against the reference, relative to the reference map's maximum.
CheckResult checkGradCam(const DeviceCheckOptions& options) {
    NetworkPair pair = makePair(ResNetConfig::fromArchName("resnet50"), options);
    torch::manual_seed(options.seed + 5);
    const torch::Tensor input = torch::randn({1, 3, 224, 224});
    double worst = 0;
    std::string where;
    for (const char* target : {kStemTarget, "layer2.3", "layer4.2"}) {
        const GradCam got = computeGradCam(*pair.checked, input.to(options.device), target);
        const GradCam want = computeGradCam(
            *pair.reference, input.to(options.referenceDevice, options.referenceType), target,
            got.classIndex);
        const double d = relativeMaxDifference(got.cam, want.cam);
        if (d > worst) {
            worst = d;
            where = target;
        }
    }
    return result("Grad-CAM resnet50 1x3x224x224 (stem, layer2.3, layer4.2)",
                  "max |difference| / max of the map", worst, kLogitTolerance, where);
}

}  // namespace

std::vector<CheckResult> runDeviceChecks(const DeviceCheckOptions& options) {
    // TF32 would round convolution and matmul inputs to 10-bit mantissas on Ampere and later
    // GPUs: agreement is checked in true float32.
    at::globalContext().setAllowTF32CuDNN(false);
    at::globalContext().setAllowTF32CuBLAS(false);
    std::vector<CheckResult> results;
    ResNetConfig resnet50 = ResNetConfig::fromArchName("resnet50");
    for (CheckResult& r : checkForward(resnet50, 2, /*statistics=*/true, options)) {
        results.push_back(std::move(r));
    }
    for (CheckResult& r : checkForward(smallConfig("resnet20"), 8, true, options)) {
        results.push_back(std::move(r));
    }
    for (CheckResult& r : checkTrainingStep(options)) {
        results.push_back(std::move(r));
    }
    results.push_back(checkPairedRun(options));
    results.push_back(checkGradCam(options));
    return results;
}

}  // namespace reslens::cli
