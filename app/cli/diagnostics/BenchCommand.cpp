#include "app/cli/diagnostics/BenchCommand.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/cli/common/UsageError.h"
#include "app/cli/diagnostics/BenchTiming.h"
#include "app/cli/diagnostics/ImportBench.h"
#include "model/data/DataSpec.h"
#include "model/data/Dataset.h"
#include "model/data/DatasetFromSpec.h"
#include "model/files/StateDict.h"
#include "model/network/ArchitectureSummary.h"
#include "model/runtime/DeviceSelection.h"
#include "model/tracing/BlockStatisticsProbe.h"
#include "model/tracing/FeatureCaptureProbe.h"
#include "model/training/BatchSampler.h"
#include "model/training/PairedSteps.h"
#include "model/training/Trainer.h"
#include "model/training/TrainingSession.h"
#ifdef RESLENS_WITH_IMAGING
#include "app/cli/diagnostics/ExplorerMemoryBench.h"
#include "app/cli/diagnostics/PipelineBench.h"
#endif
#include "model/network/ResNet.h"

namespace reslens::cli {
namespace {

// CUDA runs asynchronously: a timed piece of work ends when the device has finished it.
void waitFor(const c10::Device& device) {
    if (device.is_cuda()) {
        torch::cuda::synchronize(device.has_index() ? device.index() : -1);
    }
}

// `images` random uint8 images of `config`'s shape; the sampler batches them as in a real
// run.
Dataset randomImages(const ResNetConfig& config, int64_t images) {
    Dataset data;
    data.images = torch::randint(
        0, 256, {images, config.inChannels, config.inputHeight, config.inputWidth}, torch::kUInt8);
    data.labels = torch::randint(0, config.classes, {images}, torch::kLong);
    data.classNames.assign(static_cast<size_t>(config.classes), "c");
    return data;
}

// The constant-rate recipe the training benchmarks step with.
TrainingOptions benchRecipe(const ResNetConfig& config, int batch, int64_t steps) {
    TrainingOptions options;
    options.batch = batch;
    options.steps = steps;
    options.schedule = LearningRateSchedule::Constant;
    options.learningRate = 0.01;
    options.mean.assign(static_cast<size_t>(config.inChannels), 0.5);
    options.std.assign(static_cast<size_t>(config.inChannels), 0.25);
    return options;
}

}  // namespace

BenchCommand::BenchCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "bench", "time the forward pass with and without per-block statistics probes");
    architecture_.addTo(*command_, /*required=*/false);
    source_.addModelOption(*command_, /*required=*/false);
    source_.addDeviceOption(*command_);
    source_.addFramingOption(*command_);
    command_->add_option("--image", image_, "with --model: time image file to top-5");
    command_->add_flag("--render", render_, "with --image: also time feature-grid rendering");
    command_->add_option("--data", data_, "time loading this dataset (fashion-mnist, cifar10:DIR)");
    command_->add_flag("--train", train_,
                       "with --arch: time SGD steps with and without per-block gradient norms");
    command_->add_flag("--paired", paired_,
                       "with --arch: time lockstep steps of the network and its plain twin, "
                       "one after the other against concurrently");
    command_->add_flag("--explorer-memory", explorerMemory_,
                       "with --arch or --model: resident memory of the explorer with every "
                       "block captured");
    command_->add_option("--import", import_,
                         "time a TorchScript file's load in reslens-loader against the same "
                         "load in this process (what the wall costs)");
    command_->add_option("--batch", batch_, "images per forward")->check(CLI::Range(1, 4096));
    command_->add_option("--iterations", iterations_, "timed forwards of each kind")
        ->check(CLI::Range(1, 100000));
    command_->add_option("--warmup", warmup_, "untimed forwards first")->check(CLI::Range(0, 1000));
    command_->add_option("--seed", seed_, "seed for weights and input");
    command_->add_flag("--json", json_, "print one JSON document");
}

int BenchCommand::run(const CommandContext& context) {
    if (!data_.empty()) {
        return runDataLoading();
    }
    if (!import_.empty()) {
        const nlohmann::json doc = benchTorchScriptImport(import_, iterations_, warmup_);
        if (json_) {
            std::cout << doc.dump(2) << std::endl;
            return 0;
        }
        std::printf(
            "%s (%zu tensors), median of %d loads each, interleaved:\n"
            "  in reslens-loader %.0f ms, in this process %.0f ms: the wall costs "
            "%.0f ms (%.2fx)\n",
            import_.c_str(), doc["tensors"].get<size_t>(), iterations_,
            doc["loader_process_ms"].get<double>(), doc["in_process_ms"].get<double>(),
            doc["overhead_ms"].get<double>(), doc["ratio"].get<double>());
        return 0;
    }
    if (architecture_.archGiven() == source_.given()) {
        throw UsageError("bench needs --arch (forward, --train), --model with --image, or --data");
    }
    if (source_.given() && !explorerMemory_) {
        return runPipeline(context.resources);
    }
    if (paired_) {
        return runPaired();
    }
    if (explorerMemory_) {
#ifdef RESLENS_WITH_IMAGING
        const nlohmann::json doc = benchExplorerMemory(
            context.resources,
            source_.given() ? source_.request() : ModelRequest::fresh(architecture_.toConfig()));
        if (json_) {
            std::cout << doc.dump(2) << std::endl;
            return 0;
        }
        std::printf("explorer, %s at %dx%d, every block captured (%s), weights %.0f MB\n",
                    doc["arch"].get<std::string>().c_str(), doc["input"][0].get<int>(),
                    doc["input"][1].get<int>(),
                    doc["captures_half_precision"].get<bool>() ? "half precision" : "float32",
                    doc["weights_mb"].get<double>());
        for (const char* stage : {"start", "opened", "classified", "classified_again"}) {
            std::printf("  %-17s resident %7.0f MB   peak %7.0f MB\n", stage,
                        doc[stage]["resident_mb"].get<double>(),
                        doc[stage]["peak_mb"].get<double>());
        }
        std::printf("  estimate of what a forward adds: %.0f MB\n",
                    doc["estimate_mb"].get<double>());
        return 0;
#else
        throw UsageError("bench --explorer-memory needs the imaging build");
#endif
    }
    return train_ ? runTraining() : runForward();
}

nlohmann::json BenchCommand::documentHeader(const ResNetConfig& config,
                                            const c10::Device& device) const {
    return {{"arch", config.arch},
            {"input", {config.inChannels, config.inputHeight, config.inputWidth}},
            {"batch", batch_},
            {"device", device.str()},
            {"threads", torch::get_num_threads()},
            {"iterations", iterations_}};
}

int BenchCommand::runPipeline(const ResourceSource& resources) {
#ifdef RESLENS_WITH_IMAGING
    if (image_.empty()) {
        throw UsageError("bench --model needs --image");
    }
    LoadedModel model = source_.load(resources);
    if (!source_.cropToObject()) {
        model.metadata.preprocessing.framing = Framing::WholeImage;
    }
    nlohmann::json doc = benchPipeline(model, image_, iterations_, warmup_);
    if (render_) {
        doc.update(benchFeatureGrids(iterations_, warmup_));
    }
    doc["device"] = source_.deviceName();
    doc["framing"] = framingName(model.metadata.preprocessing.framing);
    doc["threads"] = torch::get_num_threads();
    if (json_) {
        std::cout << doc.dump(2) << std::endl;
        return 0;
    }
    std::printf("%s, %s, %s, %d threads, %d iterations (median)\n",
                doc["arch"].get<std::string>().c_str(), image_.c_str(),
                source_.deviceName().c_str(), torch::get_num_threads(), iterations_);
    std::printf("  read + decode                    %9.2f ms\n",
                doc["decode_median_ms"].get<double>());
    std::printf("  prepare (resize, crop, normalise) %8.2f ms\n",
                doc["prepare_median_ms"].get<double>());
    std::printf("  forward + probes + top-5         %9.2f ms\n",
                doc["forward_probes_top5_median_ms"].get<double>());
    std::printf("  whole pipeline                   %9.2f ms\n",
                doc["pipeline_median_ms"].get<double>());
    if (render_) {
        std::printf("  feature grid 2048x7x7            %9.2f ms\n",
                    doc["render_2048x7x7_median_ms"].get<double>());
        std::printf("  feature grid 64x112x112          %9.2f ms\n",
                    doc["render_64x112x112_median_ms"].get<double>());
    }
    return 0;
#else
    (void)resources;
    throw UsageError("this reslens-cli was built without imaging (RESLENS_WITH_IMAGING=OFF)");
#endif
}

int BenchCommand::runDataLoading() {
    const DataSpec spec = DataSpec::parse(data_);
    if (spec.kind == DataSpec::Kind::Folder) {
        throw UsageError("bench --data times the built-in readers (fashion-mnist, cifar10)");
    }
    std::vector<double> times;
    int64_t samples = 0;
    for (int i = 0; i < warmup_ + iterations_; ++i) {
        Dataset data;
        // The reader every command uses for a built-in spec (DatasetFromSpec.h).
        const double ms = millisecondsOf([&] { data = loadBuiltinDataset(spec); });
        samples = data.size();
        if (i >= warmup_) {
            times.push_back(ms);
        }
    }
    if (json_) {
        std::cout << nlohmann::json{{"data", spec.toString()},
                                    {"samples", samples},
                                    {"load_ms", times},
                                    {"load_median_ms", median(times)}}
                         .dump(2)
                  << std::endl;
    } else {
        std::printf("%s: %lld images loaded in %.1f ms (median of %d)\n", spec.toString().c_str(),
                    static_cast<long long>(samples), median(times), iterations_);
    }
    return 0;
}

int BenchCommand::runTraining() {
    const ResNetConfig config = architecture_.toConfig();
    const c10::Device device = parseDevice(source_.deviceName());
    torch::manual_seed(seed_);
    const Dataset data = randomImages(config, int64_t(batch_) * 4);
    const TrainingOptions options = benchRecipe(config, batch_, 1000000);
    TrainingOptions bare = options;
    bare.collectGradientNorms = false;
    TrainingOptions nchw = bare;
    nchw.channelsLast = false;
    // Three networks from the same weights, stepped in turn on the same batch: with gradient
    // norms, without, and without in the standard NCHW layout.
    ResNet withNorms(config), without(config), standardLayout(config);
    for (ResNet copy : {without, standardLayout}) {
        loadStateDict(*copy, stateDict(*withNorms), "copy", config.arch);
    }
    for (ResNet network : {withNorms, without, standardLayout}) {
        network->to(device);
    }
    TrainingSession collecting(withNorms, options, options.steps);
    TrainingSession plain(without, bare, options.steps);
    TrainingSession plainNchw(standardLayout, nchw, options.steps);
    BatchSampler sampler(data, options);
    std::vector<double> normsMs, bareMs, nchwMs, samplerMs;
    for (int i = 0; i < warmup_ + iterations_; ++i) {
        Batch batch;
        // Sampling and the copy to the device are timed apart, as in a loop whose batch is
        // already on the device.
        const double s = millisecondsOf([&] {
            batch = sampler.next();
            batch.inputs = batch.inputs.to(device);
            batch.labels = batch.labels.to(device);
            waitFor(device);
        });
        auto timeStep = [&](TrainingSession& session) {
            return millisecondsOf([&] {
                session.step(batch);
                waitFor(device);
            });
        };
        // The three take turns going first, so that none always follows the same one.
        double a = 0, b = 0, c = 0;
        switch (i % 3) {
            case 0:
                a = timeStep(plain), b = timeStep(collecting), c = timeStep(plainNchw);
                break;
            case 1:
                b = timeStep(collecting), c = timeStep(plainNchw), a = timeStep(plain);
                break;
            default:
                c = timeStep(plainNchw), a = timeStep(plain), b = timeStep(collecting);
                break;
        }
        if (i >= warmup_) {
            samplerMs.push_back(s);
            bareMs.push_back(a);
            normsMs.push_back(b);
            nchwMs.push_back(c);
        }
    }
    const double bareMedian = median(bareMs), normsMedian = median(normsMs),
                 nchwMedian = median(nchwMs);
    if (json_) {
        nlohmann::json doc = documentHeader(config, device);
        doc.update({{"step_ms", bareMs},
                    {"step_with_grad_norms_ms", normsMs},
                    {"step_nchw_ms", nchwMs},
                    {"batch_sampling_ms", samplerMs},
                    {"step_median_ms", bareMedian},
                    {"step_with_grad_norms_median_ms", normsMedian},
                    {"step_nchw_median_ms", nchwMedian},
                    {"batch_sampling_median_ms", median(samplerMs)},
                    {"grad_norms_over_bare", normsMedian / bareMedian}});
        std::cout << doc.dump(2) << std::endl;
    } else {
        std::printf("%s, batch %d, %dx%dx%d, %s, %d threads, %d training steps each (median)\n",
                    config.arch.c_str(), batch_, config.inChannels, config.inputHeight,
                    config.inputWidth, device.str().c_str(), torch::get_num_threads(), iterations_);
        std::printf("  batch sampling + augmentation   %9.2f ms\n", median(samplerMs));
        std::printf("  SGD step, NCHW layout           %9.2f ms\n", nchwMedian);
        std::printf("  SGD step, channels-last         %9.2f ms   (%.3fx)\n", bareMedian,
                    bareMedian / nchwMedian);
        std::printf("  SGD step + block gradient norms %9.2f ms   (%.3fx)\n", normsMedian,
                    normsMedian / bareMedian);
    }
    return 0;
}

int BenchCommand::runPaired() {
    const ResNetConfig config = architecture_.toConfig();
    const c10::Device device = parseDevice(source_.deviceName());
    torch::manual_seed(seed_);
    constexpr int kStepsPerRound = 4;
    const Dataset data = randomImages(config, int64_t(batch_) * kStepsPerRound);
    const TrainingOptions options = benchRecipe(config, batch_, kStepsPerRound);
    TrainingOptions sequential = options, concurrent = options;
    sequential.pairing = Pairing::Sequential;
    concurrent.pairing = Pairing::Concurrent;
    ResNet residual(config);
    residual->to(device);
    const ResNet plain = plainTwinOf(*residual);
    // Per step of the pair, whole lockstep rounds (sampling included, as in the lab); the two
    // ways take turns going first.
    auto timeRound = [&](const TrainingOptions& o) {
        return millisecondsOf([&] {
                   trainTogether({residual, plain}, data, o, nullptr, nullptr);
                   waitFor(device);
               }) /
               kStepsPerRound;
    };
    std::vector<double> sequentialMs, concurrentMs;
    for (int i = 0; i < warmup_ + iterations_; ++i) {
        double s = 0, c = 0;
        if (i % 2 == 0) {
            s = timeRound(sequential), c = timeRound(concurrent);
        } else {
            c = timeRound(concurrent), s = timeRound(sequential);
        }
        if (i >= warmup_) {
            sequentialMs.push_back(s);
            concurrentMs.push_back(c);
        }
    }
    const double s = median(sequentialMs), c = median(concurrentMs);
    const bool automatic =
        PairedSteps::concurrentPays(summarize(*residual).macs, batch_, torch::get_num_threads());
    if (json_) {
        nlohmann::json doc = documentHeader(config, device);
        doc.update({{"sequential_ms", sequentialMs},
                    {"concurrent_ms", concurrentMs},
                    {"sequential_median_ms", s},
                    {"concurrent_median_ms", c},
                    {"concurrent_over_sequential", c / s},
                    {"automatic", automatic ? "concurrent" : "sequential"}});
        std::cout << doc.dump(2) << std::endl;
    } else {
        std::printf("%s + %s, batch %d, %s, %d threads, %d rounds of %d lockstep steps (median)\n",
                    config.arch.c_str(), plain->config().arch.c_str(), batch_, device.str().c_str(),
                    torch::get_num_threads(), iterations_, kStepsPerRound);
        std::printf("  one after the other, all threads each  %9.2f ms per step\n", s);
        std::printf("  concurrently, half the threads each    %9.2f ms per step   (%.3fx)\n", c,
                    c / s);
        std::printf("  Automatic chooses: %s\n", automatic ? "concurrent" : "sequential");
    }
    return 0;
}

int BenchCommand::runForward() {
    const ResNetConfig config = architecture_.toConfig();
    const c10::Device device = parseDevice(source_.deviceName());
    torch::manual_seed(seed_);
    ResNet network(config);
    network->eval();
    network->to(device);
    const torch::Tensor input =
        torch::randn({batch_, config.inChannels, config.inputHeight, config.inputWidth}).to(device);
    torch::InferenceMode inference;

    // Interleave the kinds iteration by iteration so that all see the same machine state.
    // Hooks exist only around the forwards that use them.
    std::optional<BlockStatisticsProbe> probe;
    std::vector<HookHandle> emptyHooks;
    auto forward = [&] {
        network->forward(input);
        waitFor(device);
    };
    auto probed = [&] {
        network->forward(input);
        probe->collect();  // brings the statistics to the CPU: waits for the device
    };
    std::vector<double> untracedMs, hookedMs, probedMs, referenceMs, capturedMs;
    // The explorer's forward: statistics probes and every block's tensors kept.
    std::optional<FeatureCaptureProbe> capture;
    for (int i = 0; i < warmup_ + iterations_; ++i) {
        // The reference: every forward as torchvision computes it, without the fast path.
        network->setFastInference(false);
        const double r = millisecondsOf(forward);
        network->setFastInference(true);
        const double a = millisecondsOf(forward);
        for (const auto& block : network->blocks()) {
            emptyHooks.push_back(block->registerForwardHook([](const BlockTrace&) {}));
        }
        const double b = millisecondsOf(forward);
        emptyHooks.clear();
        probe.emplace(*network);
        const double c = millisecondsOf(probed);
        capture.emplace(*network);
        const double d = millisecondsOf(probed);
        capture.reset();
        probe.reset();
        if (i >= warmup_) {
            untracedMs.push_back(a);
            hookedMs.push_back(b);
            probedMs.push_back(c);
            referenceMs.push_back(r);
            capturedMs.push_back(d);
        }
    }

    const double untracedMedian = median(untracedMs);
    const double hookedMedian = median(hookedMs);
    const double probedMedian = median(probedMs);
    const double referenceMedian = median(referenceMs);
    if (json_) {
        nlohmann::json doc = documentHeader(config, device);
        doc.update({{"untraced_ms", untracedMs},
                    {"empty_hooks_ms", hookedMs},
                    {"probed_ms", probedMs},
                    {"reference_ms", referenceMs},
                    {"probed_captured_ms", capturedMs},
                    {"probed_captured_median_ms", median(capturedMs)},
                    {"untraced_median_ms", untracedMedian},
                    {"reference_median_ms", referenceMedian},
                    {"empty_hooks_median_ms", hookedMedian},
                    {"probed_median_ms", probedMedian},
                    {"probed_over_untraced", probedMedian / untracedMedian}});
        std::cout << doc.dump(2) << std::endl;
    } else {
        std::printf("%s, batch %d, %dx%dx%d, %s, %d threads, %d iterations (median)\n",
                    config.arch.c_str(), batch_, config.inChannels, config.inputHeight,
                    config.inputWidth, device.str().c_str(), torch::get_num_threads(), iterations_);
        std::printf("  reference forward (no folding, NCHW) %9.2f ms\n", referenceMedian);
        std::printf("  untraced forward           %9.2f ms   (%.3fx reference)\n", untracedMedian,
                    untracedMedian / referenceMedian);
        std::printf("  forward + empty hooks      %9.2f ms   (%.3fx)\n", hookedMedian,
                    hookedMedian / untracedMedian);
        std::printf("  forward + statistics probes %8.2f ms   (%.3fx)\n", probedMedian,
                    probedMedian / untracedMedian);
        std::printf("  + every block captured     %9.2f ms   (%.3fx)\n", median(capturedMs),
                    median(capturedMs) / untracedMedian);
    }
    return 0;
}

}  // namespace reslens::cli
