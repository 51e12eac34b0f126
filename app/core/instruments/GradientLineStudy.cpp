#include "app/core/instruments/GradientLineStudy.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <filesystem>

#include "app/core/models/ModelCatalog.h"
#include "app/core/runtime/ComputeThreads.h"
#include "app/core/studies/ModelEvaluation.h"
#include "imaging/ImageDecoder.h"
#include "imaging/ImagePreprocessor.h"
#include "model/instruments/BatchNormCalibration.h"
#include "model/instruments/GradientLine.h"
#include "model/network/SeededNetwork.h"
#include "model/runtime/DeviceSelection.h"
#include "model/runtime/InputError.h"
#include "model/training/Evaluation.h"

namespace reslens {
namespace {

// Everything the networks on one line share.
struct Line {
    torch::Tensor x0;               // [C, H, W], normalised, on the device
    torch::Tensor direction;        // the same shape
    torch::Tensor statisticsBatch;  // what a fresh network's batch norms are set from
    std::vector<double> t;
    std::string input, directionText, statistics;
};

std::string fileName(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

torch::Tensor preparedImage(const std::string& path, const ModelMetadata& metadata) {
    const DecodedImage image = decodeImageFile(path);
    return prepareImage(image, metadata.preprocessing).tensor;
}

torch::Tensor perChannel(const std::vector<double>& values, const torch::Device& device) {
    return torch::tensor(values, torch::kFloat32).view({1, -1, 1, 1}).to(device);
}

Line makeLine(const LoadedModel& model, const GradientLineOptions& options,
              const torch::Device& device) {
    const Preprocessing& p = model.metadata.preprocessing;
    const torch::Tensor mean = perChannel(p.mean, device);
    const torch::Tensor std = perChannel(p.std, device);
    Line line;
    line.t = linePoints(options.points);
    if (!options.image.empty()) {
        line.x0 = preparedImage(options.image, model.metadata).to(device);
        line.input = fileName(options.image);
    } else {
        const Dataset test = loadDataFor(model.metadata, *options.data);
        if (options.index < 0 || options.index >= test.size()) {
            throw InputError("--index " + std::to_string(options.index) + " is not an image of " +
                             test.name + ", which has " + std::to_string(test.size()));
        }
        line.x0 = normalizedImages(test, options.index, 1, mean, std).squeeze(0);
        line.input = test.name + " #" + std::to_string(options.index);
    }
    if (!options.towardsImage.empty()) {
        const torch::Tensor x1 = preparedImage(options.towardsImage, model.metadata).to(device);
        if (x1.sizes() != line.x0.sizes()) {
            throw InputError("'" + fileName(options.towardsImage) +
                             "' does not prepare to the input's shape");
        }
        line.direction = x1 - line.x0;
        line.directionText = "towards " + fileName(options.towardsImage);
    } else {
        line.direction = randomDirection(line.x0.cpu(), options.seed).to(device);
        line.directionText = "random (seed " + std::to_string(options.seed) + ")";
    }
    // The fresh networks' statistics: training images when the data has them.
    if (options.data) {
        Dataset train;
        try {
            train = loadDataFor(model.metadata, options.data->withSplit(Split::Train));
        } catch (const InputError&) {
            train = Dataset();  // e.g. a folder: no training split
        }
        if (train.size() > 0) {
            const int64_t k = std::min<int64_t>(options.statisticsImages, train.size());
            at::Generator generator = at::detail::createCPUGenerator(options.seed);
            const torch::Tensor chosen = torch::randperm(train.size(), generator).narrow(0, 0, k);
            Dataset drawn = train;
            drawn.images = train.images.index_select(0, chosen);
            drawn.labels = train.labels.index_select(0, chosen);
            line.statisticsBatch = normalizedImages(drawn, 0, k, mean, std);
            line.statistics = std::to_string(k) + " images of " + train.name + " (seed " +
                              std::to_string(options.seed) + ")";
        }
    }
    if (!line.statisticsBatch.defined()) {
        const torch::Tensor ts = torch::tensor(std::vector<float>(line.t.begin(), line.t.end()))
                                     .to(device)
                                     .view({-1, 1, 1, 1});
        line.statisticsBatch = line.x0.unsqueeze(0) + ts * line.direction.unsqueeze(0);
        line.statistics = "the line's " + std::to_string(line.t.size()) + " points";
    }
    return line;
}

int topClass(ResNetImpl& network, const torch::Tensor& x0) {
    torch::NoGradGuard noGrad;
    return static_cast<int>(network.forward(x0.unsqueeze(0)).argmax(1).item<int64_t>());
}

// One network along the line; false when stopped.
bool walk(ResNetImpl& network, const ModelMetadata& metadata, const Line& line,
          const std::string& name, int networkIndex, int networks,
          const InstrumentProgress& progress, LineCurve& curve) {
    curve.target = topClass(network, line.x0);
    curve.targetLabel = metadata.label(curve.target);
    const int points = static_cast<int>(line.t.size());
    bool going = true;
    curve.derivative = derivativeAlongLine(
        network, line.x0, line.direction, line.t, curve.target, 32, [&](int done, int total) {
            going = !progress || progress(networkIndex * points + done, networks * points,
                                          name + ": point " + std::to_string(done) + " of " +
                                              std::to_string(total));
            return going;
        });
    curve.autocorrelation = autocorrelation(curve.derivative);
    curve.lag = firstLagBelow(curve.autocorrelation, 0.5);
    return going && static_cast<int>(curve.derivative.size()) == points;
}

ResNet freshNetwork(const ResNetConfig& config, uint64_t seed, const Line& line,
                    const torch::Device& device) {
    // Initialised as a training run's network is (TrainingSetup), from the seed.
    ResNet fresh = seededResNet(config, seed);
    fresh->to(device);
    setBatchNormStatistics(*fresh, line.statisticsBatch);
    return fresh;
}

LoadedModel openOn(const ResourceSource& resources, const ModelRequest& request,
                   const torch::Device& device) {
    LoadedModel model = ModelCatalog(resources).open(request);
    model.network->to(device);
    model.network->eval();
    return model;
}

// The model opened on its device and the line it is walked along: what the study and the
// depth sweep both start from (options checked first).
struct Walk {
    torch::Device where;
    LoadedModel model;
    Line line;
};

Walk prepareWalk(const ResourceSource& resources, const ModelRequest& request,
                 const GradientLineOptions& options, const std::string& device) {
    checkGradientLineOptions(options);
    const torch::Device where = parseDevice(device);
    LoadedModel model = openOn(resources, request, where);
    Line line = makeLine(model, options, where);
    return {where, std::move(model), std::move(line)};
}

std::string titleOf(const ModelRequest& request, const LoadedModel& model) {
    return fileName(request.location) + " (" + model.metadata.config.arch + ")";
}

}  // namespace

void checkGradientLineOptions(const GradientLineOptions& options) {
    if (options.points < 2 || options.points > 100000) {
        throw InputError("--points must be between 2 and 100000, not " +
                         std::to_string(options.points));
    }
    if (options.image.empty() && !options.data) {
        throw InputError("name the input: --image FILE, or --data SPEC with --index I");
    }
    if (options.statisticsImages < 2) {
        throw InputError("the fresh network's statistics need at least 2 images");
    }
}

GradientLineResult runGradientLine(const ResourceSource& resources, const ModelRequest& request,
                                   const GradientLineOptions& options, const std::string& device,
                                   const InstrumentProgress& progress) {
    ComputeThreads::Scope threads;
    Walk walked = prepareWalk(resources, request, options, device);
    LoadedModel& model = walked.model;
    const Line& line = walked.line;
    const torch::Device where = walked.where;
    GradientLineResult result;
    result.title = titleOf(request, model);
    result.arch = model.metadata.config.arch;
    result.input = line.input;
    result.direction = line.directionText;
    result.statistics = line.statistics;
    result.t = line.t;
    if (!walk(*model.network, model.metadata, line, result.arch, 0, 2, progress, result.model)) {
        result.cancelled = true;
        return result;
    }
    ResNet fresh = freshNetwork(model.metadata.config, options.seed, line, where);
    result.cancelled =
        !walk(*fresh, model.metadata, line, "fresh " + result.arch, 1, 2, progress, result.fresh);
    return result;
}

DepthSweepResult runDepthSweep(const ResourceSource& resources, const ModelRequest& request,
                               const GradientLineOptions& options, const std::string& device,
                               const InstrumentProgress& progress) {
    ComputeThreads::Scope threads;
    Walk walked = prepareWalk(resources, request, options, device);
    const LoadedModel& model = walked.model;
    const Line& line = walked.line;
    const torch::Device where = walked.where;
    DepthSweepResult sweep;
    sweep.input = line.input;
    sweep.statistics = line.statistics;
    sweep.t = line.t;
    const ResNetConfig& shape = model.metadata.config;
    const int depths[] = {20, 56, 110};
    int index = 0;
    for (int depth : depths) {
        for (bool skip : {true, false}) {
            DepthSweepEntry entry;
            entry.depth = depth;
            entry.skip = skip;
            entry.arch = (skip ? "resnet" : "plain") + std::to_string(depth);
            ResNetConfig config = ResNetConfig::fromArchName(entry.arch);
            config.inChannels = shape.inChannels;
            config.inputHeight = shape.inputHeight;
            config.inputWidth = shape.inputWidth;
            config.classes = shape.classes;
            ResNet fresh = freshNetwork(config, options.seed, line, where);
            const bool going = walk(*fresh, model.metadata, line, "fresh " + entry.arch, index++, 6,
                                    progress, entry.curve);
            sweep.entries.push_back(std::move(entry));
            if (!going) {
                sweep.cancelled = true;
                return sweep;
            }
        }
    }
    return sweep;
}

}  // namespace reslens
