#include "app/core/lessons/LessonExperiment.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <thread>

#include "app/core/lessons/LessonReport.h"
#include "app/core/lessons/PairedRunCache.h"
#include "app/core/studies/LandscapeRequest.h"
#include "app/core/studies/LesionStudyRequest.h"
#include "app/core/training/TrainingJob.h"
#include "app/core/training/TrainingRecipe.h"
#include "model/network/ArchitectureSummary.h"
#include "model/runtime/InputError.h"

#if RESLENS_WITH_IMAGING
#include "app/core/explorer/ExplorerSession.h"
#include "app/core/explorer/GradCamTrace.h"
#include "app/core/explorer/VideoClassification.h"
#include "app/core/instruments/GradientLineStudy.h"
#include "app/core/lessons/TurningClip.h"
#include "app/core/models/ResourceSource.h"
#include "imaging/ImageDecoder.h"
#include "imaging/VideoReader.h"
#include "model/files/ScratchFile.h"
#endif

namespace reslens {
namespace {

// CPU time of the whole process, all threads (Linux, macOS).
double processCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

std::string seedLabel(uint64_t seed) {
    return "seed " + std::to_string(seed) + ": ";
}

std::vector<PairedRunResult> trainPair(const std::string& arch, bool batchNorm, int64_t steps,
                                       const LessonSettings& settings, uint64_t seed,
                                       const std::string& device, const std::string& what,
                                       const LessonProgress& progress) {
    ResNetConfig config = ResNetConfig::fromArchName(arch);
    config.batchNorm = batchNorm;
    const DataSpec data = DataSpec::parse("fashion-mnist:train");
    TrainingRecipe recipe =
        TrainingRecipe::forLab(config, data, steps, settings.batch, settings.learningRate, seed);
    recipe.withPlainTwin = true;
    recipe.device = device;
    recipe.source = "reslens-cli lessons --measure";
    TrainingJob job;
    std::vector<std::string> runs;
    std::map<int, std::vector<double>> losses;
    std::map<int, std::vector<double>> firstNorms;
    const std::vector<RunEnd> ends = job.run(
        recipe, [&](const TrainingStart& start) { runs = start.runs; },
        [&](int run, const StepReport& step) {
            losses[run].push_back(step.loss);
            if (step.step == 1) {
                firstNorms[run] = step.blockGradientNorms;
            }
            const double done = double(step.step) / double(std::max<int64_t>(1, step.totalSteps));
            if (progress && !progress(what + ", step " + std::to_string(step.step) + " of " +
                                          std::to_string(step.totalSteps),
                                      done)) {
                job.stop();
            }
        });
    std::vector<PairedRunResult> results;
    for (const RunEnd& end : ends) {
        results.push_back(
            {runs.at(size_t(end.run)), losses[end.run], firstNorms[end.run], end.status});
    }
    return results;
}

std::string pairedRunKey(const std::string& arch, bool batchNorm, int64_t steps,
                         const LessonSettings& settings, uint64_t seed, const std::string& device) {
    char text[200];
    std::snprintf(text, sizeof text, "%s|bn=%d|steps=%lld|batch=%d|rate=%.17g|seed=%llu|",
                  arch.c_str(), int(batchNorm), static_cast<long long>(steps), settings.batch,
                  settings.learningRate, static_cast<unsigned long long>(seed));
    return text + device;
}

// One pair of the lab: the ResNet and its plain twin from the same start on the same
// batches, trained once per process for the same recipe and seed (PairedRunCache).
void measurePair(SeedMeasure& measure, const std::string& arch, bool batchNorm, int64_t steps,
                 const LessonSettings& settings, const std::string& device,
                 const LessonProgress& progress) {
    const std::string what =
        seedLabel(measure.seed) + arch + (batchNorm ? "" : " without batch norm");
    const std::string key = pairedRunKey(arch, batchNorm, steps, settings, measure.seed, device);
    std::optional<std::vector<PairedRunResult>> results = PairedRunCache::shared().find(key);
    if (results) {
        if (progress) {
            progress(what + ", trained before", 1.0);
        }
    } else {
        results = trainPair(arch, batchNorm, steps, settings, measure.seed, device, what, progress);
        const bool stopped = std::any_of(results->begin(), results->end(), [](const auto& r) {
            return r.status == RunStatus::Cancelled;
        });
        if (!stopped) {
            PairedRunCache::shared().keep(key, *results);
        }
    }
    for (const PairedRunResult& result : *results) {
        measurePairedRun(measure, result.run, result.losses, result.firstNorms, result.status);
    }
}

bool progressOf(const LessonProgress& progress, const std::string& what, int done, int total) {
    return !progress || progress(what, double(done) / double(std::max(1, total)));
}

void measureLesionStudies(SeedMeasure& measure, const LessonSettings& settings,
                          const ResourceSource& resources, const std::string& device,
                          const LessonProgress& progress) {
    const LesionOptions options = settings.lesionOptions(measure.seed);
    const DataSpec data = DataSpec::parse("fashion-mnist:test");
    for (const char* model : {"deep", "deep-plain"}) {
        const std::string what = seedLabel(measure.seed) + "lesion study of " + model;
        const NamedLesionStudy study =
            runLesionStudy(resources, ModelRequest::shipped(model), data, device, options,
                           [&](int done, int total, const std::string&) {
                               return progressOf(progress, what, done, total);
                           });
        measureLesion(measure, study);
        if (measure.stopped) {
            return;
        }
    }
}

void measureLandscapes(SeedMeasure& measure, const LessonSettings& settings,
                       const ResourceSource& resources, const std::string& device,
                       const LessonProgress& progress) {
    const LandscapeOptions options = settings.landscapeOptions(measure.seed);
    const DataSpec data = DataSpec::parse("fashion-mnist:train");
    for (const char* model : {"deep", "deep-plain"}) {
        const std::string what = seedLabel(measure.seed) + "landscape of " + model;
        const NamedLandscape slice = runLandscape(
            resources, ModelRequest::shipped(model), data, device, options,
            [&](int done, int total) { return progressOf(progress, what, done, total); });
        measureLandscape(measure, slice);
        if (measure.stopped) {
            return;
        }
    }
}

void measureBottleneckBlock(SeedMeasure& measure) {
    const ArchitectureSummary summary = summarize(ResNetConfig::fromArchName("resnet50"));
    for (const BlockAccount& block : summary.blocks) {
        if (block.info.name == "layer1.1" && block.basicEquivalentParams) {
            measureBottleneck(measure, block);
            return;
        }
    }
    throw InputError("resnet50 has no bottleneck block layer1.1");
}

void measureEvidenceOfPhoto(SeedMeasure& measure, const ResourceSource& resources,
                            const std::string& device) {
#if RESLENS_WITH_IMAGING
    ExplorerSession session(resources, /*captureFeatures=*/false);
    session.setDevice(device);
    session.open(ModelRequest::shipped("default"));
    const std::optional<std::vector<char>> photo = resources.read(kEvidencePhoto);
    if (!photo) {
        throw InputError("the Grad-CAM lesson's photo is missing: " +
                         resources.locate(kEvidencePhoto));
    }
    session.classify(decodeImage(*photo, kEvidencePhoto), 1);
    measureEvidence(measure, traceGradCam(session));
#else
    (void)measure;
    (void)resources;
    (void)device;
    throw InputError("this build has no imaging: the Grad-CAM lesson cannot run");
#endif
}

// The shipped default over every frame of the turning clip, as classify --video reads it.
void measureClipOfDefault(SeedMeasure& measure, const ResourceSource& resources,
                          const std::string& device, const LessonProgress& progress) {
#if RESLENS_WITH_IMAGING
    const TurningClip clip = readTurningClip(resources);
    const std::optional<std::vector<char>> bytes = resources.read(kTurningClip);
    if (!bytes) {
        throw InputError("the lesson's clip is missing: " + resources.locate(kTurningClip));
    }
    ExplorerSession session(resources, /*captureFeatures=*/false);
    session.setDevice(device);
    session.open(ModelRequest::shipped("default"));
    const ScratchFile file(*bytes, ".mkv");  // OpenCV decodes videos from paths only
    VideoReader video(file.path());
    VideoClassificationOptions options;
    options.topK = 1;
    bool stopped = false;
    const std::vector<FrameClassification> frames =
        classifyVideo(session, video, options, [&](int64_t read) {
            stopped = progress && !progress("clip", double(read) / double(clip.frames.size()));
            return !stopped;
        });
    std::vector<int64_t> top1;
    for (const FrameClassification& frame : frames) {
        top1.push_back(frame.result.top.front().index);
    }
    measureTurningClip(measure, clip, top1);
#else
    (void)measure;
    (void)resources;
    (void)device;
    (void)progress;
    throw InputError("this build has no imaging: the clip cannot be played");
#endif
}

void measureGradientLines(SeedMeasure& measure, const LessonSettings& settings,
                          const ResourceSource& resources, const std::string& device,
                          const LessonProgress& progress) {
#if RESLENS_WITH_IMAGING
    const GradientLineOptions options = settings.gradientLineOptions(measure.seed);
    for (const char* model : {"deep", "deep-plain"}) {
        const std::string what = seedLabel(measure.seed) + "gradient line of " + model;
        const GradientLineResult line =
            runGradientLine(resources, ModelRequest::shipped(model), options, device,
                            [&](int done, int total, const std::string&) {
                                return progressOf(progress, what, done, total);
                            });
        measureGradientLine(measure, line);
        if (measure.stopped) {
            return;
        }
    }
#else
    (void)measure;
    (void)settings;
    (void)resources;
    (void)device;
    (void)progress;
    throw InputError("this build has no imaging: the shattered-gradients lesson cannot run");
#endif
}

}  // namespace

SeedMeasure measureSeed(LessonId lesson, uint64_t seed, const LessonSettings& settings,
                        const ResourceSource& resources, const std::string& device,
                        const LessonProgress& progress) {
    SeedMeasure measure;
    measure.seed = seed;
    switch (lesson) {
        case LessonId::WhySkips:
            measurePair(measure, "resnet56", true, settings.steps, settings, device, progress);
            break;
        case LessonId::WithoutBatchNorm:
            measurePair(measure, "resnet56", false, settings.steps, settings, device, progress);
            break;
        case LessonId::Degradation:
            measurePair(measure, "resnet20", true, settings.degradationSteps, settings, device,
                        [&](const std::string& what, double done) {
                            return !progress || progress(what, done / 2);
                        });
            // The deeper pair only after the shallower finished: both are the lesson.
            if (measure.complete) {
                measurePair(measure, "resnet56", true, settings.degradationSteps, settings, device,
                            [&](const std::string& what, double done) {
                                return !progress || progress(what, 0.5 + done / 2);
                            });
            }
            break;
        case LessonId::Bottleneck:
            measureBottleneckBlock(measure);
            break;
        case LessonId::BlockIsCorrection:
            measureLesionStudies(measure, settings, resources, device, progress);
            break;
        case LessonId::Landscape:
            measureLandscapes(measure, settings, resources, device, progress);
            break;
        case LessonId::EvidenceForms:
            measureEvidenceOfPhoto(measure, resources, device);
            break;
        case LessonId::ShatteredGradients:
            measureGradientLines(measure, settings, resources, device, progress);
            break;
        case LessonId::WatchTheBlocks:
            measureClipOfDefault(measure, resources, device, progress);
            break;
    }
    return measure;
}

LessonRecord measureLesson(LessonId lesson, uint64_t first, int count,
                           const LessonSettings& settings, const ResourceSource& resources,
                           const std::string& device, const LessonProgress& progress) {
    const auto start = std::chrono::steady_clock::now();
    const double cpuAtStart = processCpuSeconds();
    std::vector<SeedMeasure> measures;
    const int seeds = lessonUsesSeeds(lesson) ? count : 1;
    for (int i = 0; i < seeds; ++i) {
        SeedMeasure measure =
            measureSeed(lesson, first + uint64_t(i), settings, resources, device,
                        [&](const std::string& what, double done) {
                            return !progress || progress(what, (i + done) / seeds);
                        });
        const bool stopped = measure.stopped;
        measures.push_back(std::move(measure));
        if (stopped) {
            break;  // what ran is reported, marked incomplete
        }
    }
    LessonRecord record = reportLesson(lesson, measures, settings);
    record.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    record.cpuSeconds = processCpuSeconds() - cpuAtStart;
    record.cores = int(std::max(1u, std::thread::hardware_concurrency()));
    return record;
}

}  // namespace reslens
