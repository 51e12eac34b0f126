#include "app/cli/commands/ClassifyCommand.h"

#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/common/ExplorerOpening.h"
#include "app/cli/common/ProgressLine.h"
#include "app/cli/common/SigintCancel.h"
#include "app/cli/common/UsageError.h"
#include "app/core/explorer/ExplorerSession.h"
#include "app/core/explorer/VideoClassification.h"
#include "imaging/ImageDecoder.h"
#include "imaging/VideoReader.h"

namespace reslens::cli {
namespace {

nlohmann::json optionalJson(const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json blockJson(const BlockStatistics& s) {
    return {{"name", s.name},
            {"input_norm", s.inputNorm},
            {"residual_norm", s.residualNorm},
            {"shortcut_norm", optionalJson(s.shortcutNorm)},
            {"output_norm", s.outputNorm},
            {"residual_ratio", optionalJson(s.residualRatio)},
            {"cosine", optionalJson(s.cosine)},
            {"residual_std", s.residualStd},
            {"bypassed", s.bypassed}};
}

std::string optionalText(const std::optional<double>& value, const char* format) {
    if (!value) {
        return "-";
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, format, *value);
    return buffer;
}

std::string rectText(const cv::Rect& r) {
    return std::to_string(r.width) + "x" + std::to_string(r.height) + "+" + std::to_string(r.x) +
           "+" + std::to_string(r.y);
}

nlohmann::json rectJson(const cv::Rect& r) {
    return {r.x, r.y, r.width, r.height};
}

nlohmann::json resultJson(const std::string& image, const std::string& device,
                          const ClassificationResult& p) {
    nlohmann::json top = nlohmann::json::array();
    for (const RankedClass& c : p.top) {
        top.push_back({{"index", c.index}, {"label", c.label}, {"probability", c.probability}});
    }
    nlohmann::json blocks = nlohmann::json::array();
    for (const BlockStatistics& s : p.blocks) {
        blocks.push_back(blockJson(s));
    }
    return {{"image", image},
            {"device", device},
            {"top", top},
            {"logits", p.logits},
            {"blocks", blocks},
            {"inverted", p.inverted},
            {"object_box", p.objectBox ? rectJson(*p.objectBox) : nlohmann::json()},
            {"cropped_to_object", p.croppedToObject},
            {"window", rectJson(p.window)},
            {"input", p.inputShape}};
}

void printPrediction(const std::string& image, const ClassificationResult& p,
                     const std::string& arch, const std::string& device) {
    std::printf("%s  (%s on %s, input %lldx%lldx%lld%s)\n", image.c_str(), arch.c_str(),
                device.c_str(), static_cast<long long>(p.inputShape[0]),
                static_cast<long long>(p.inputShape[1]), static_cast<long long>(p.inputShape[2]),
                p.inverted ? ", inverted" : "");
    if (p.croppedToObject) {
        std::printf("  cropped to the object at %s, seen through %s\n",
                    rectText(*p.objectBox).c_str(), rectText(p.window).c_str());
    }
    for (size_t i = 0; i < p.top.size(); ++i) {
        std::printf("  %zu. %-28s %6.2f%%\n", i + 1, p.top[i].label.c_str(),
                    100.0 * p.top[i].probability);
    }
    std::printf("\n  %-10s %10s %10s %10s %10s %7s %7s %9s\n", "block", "|x|", "|F(x)|",
                "|shortcut|", "|y|", "ratio", "cos", "std F(x)");
    for (const BlockStatistics& s : p.blocks) {
        std::printf("  %-10s %10.3f %10.3f %10s %10.3f %7s %7s %9.4f%s\n", s.name.c_str(),
                    s.inputNorm, s.residualNorm, optionalText(s.shortcutNorm, "%.3f").c_str(),
                    s.outputNorm, optionalText(s.residualRatio, "%.3f").c_str(),
                    optionalText(s.cosine, "%.3f").c_str(), s.residualStd,
                    s.bypassed ? "  bypassed" : "");
    }
    std::printf("\n");
}

}  // namespace

ClassifyCommand::ClassifyCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "classify",
        "predictions and per-block statistics (norms of F(x) and shortcut, ratio, "
        "cosine, std) for each image");
    source_.addModelOption(*command_);
    source_.addDeviceOption(*command_);
    source_.addFramingOption(*command_);
    command_->add_option("images", images_, "image files (PNG, JPEG, BMP, TIFF, WebP, ...)");
    command_->add_option("--video", video_,
                         "a video file (MP4, AVI, MKV, WebM, ...) instead of images: every "
                         "frame (or every Nth, --every) classified as a still image would be");
    command_->add_option("--every", every_, "with --video: classify frames 0, N, 2N, ...")
        ->check(CLI::Range(1, 1000000));
    command_->add_option("--top", top_, "how many classes to list")->check(CLI::Range(1, 1000000));
    command_
        ->add_option("--bypass", bypass_,
                     "blocks to bypass (a lesion: the shortcut path alone), e.g. layer2.0")
        ->delimiter(',');
    command_->add_flag("--json", json_, "print one JSON document");
}

int ClassifyCommand::run(const CommandContext& context) {
    if (!video_.empty() && !images_.empty()) {
        throw UsageError("classify takes images or --video FILE, not both");
    }
    if (video_.empty() && images_.empty()) {
        throw UsageError("classify needs image files, or --video FILE");
    }
    if (video_.empty() && command_->count("--every") > 0) {
        throw UsageError("--every needs --video FILE");
    }
    ExplorerSession session(context.resources, /*captureFeatures=*/false);
    const OpenedModel model = openExplorer(source_, session);
    session.setBypassed({bypass_.begin(), bypass_.end()});
    if (!video_.empty()) {
        return runVideo(session, model);
    }
    // Decode every image first: one bad file fails the command before any output.
    std::vector<DecodedImage> images;
    images.reserve(images_.size());
    for (const std::string& image : images_) {
        images.push_back(decodeImageFile(image));
    }
    const std::vector<ClassificationResult> predictions = session.classifyAll(images, top_);

    const std::string& arch = model.summary.config.arch;
    nlohmann::json results = nlohmann::json::array();
    for (size_t i = 0; i < predictions.size(); ++i) {
        const ClassificationResult& p = predictions[i];
        if (!json_) {
            printPrediction(images_[i], p, arch, source_.deviceName());
            continue;
        }
        results.push_back(resultJson(images_[i], source_.deviceName(), p));
    }
    if (json_) {
        nlohmann::json doc = {{"model", source_.modelName()}, {"arch", arch}, {"results", results}};
        std::cout << doc.dump(2) << std::endl;
    }
    return 0;
}

int ClassifyCommand::runVideo(ExplorerSession& session, const OpenedModel& model) {
    VideoReader video(video_);
    const VideoInfo& info = video.info();
    ProgressLine progress;
    std::atomic<bool> stop{false};
    SigintCancel sigint([&stop] { stop = true; });
    VideoClassificationOptions options;
    options.every = every_;
    options.topK = top_;
    // Everything is classified before anything is printed: a video that turns out to be
    // truncated fails the command with one line and no half of a result.
    const std::vector<FrameClassification> frames =
        classifyVideo(session, video, options, [&](int64_t read) {
            progress.update(read, std::max<int64_t>(info.frameCount, read), "frames");
            return !stop.load();
        });
    progress.finish();
    if (stop.load()) {
        return 130;  // Ctrl-C: nothing printed, as for an interrupted image list
    }
    const std::string& arch = model.summary.config.arch;
    if (!json_) {
        for (const FrameClassification& f : frames) {
            char where[64];
            std::snprintf(where, sizeof where, " frame %lld at %.3f s",
                          static_cast<long long>(f.frame), f.timeSeconds);
            printPrediction(video_ + where, f.result, arch, source_.deviceName());
        }
        return 0;
    }
    nlohmann::json results = nlohmann::json::array();
    for (const FrameClassification& f : frames) {
        nlohmann::json result = resultJson(video_, source_.deviceName(), f.result);
        result["frame"] = f.frame;
        result["time_s"] = f.timeSeconds;
        results.push_back(std::move(result));
    }
    const nlohmann::json doc = {
        {"model", source_.modelName()},
        {"arch", arch},
        {"video",
         {{"path", video_},
          {"width", info.width},
          {"height", info.height},
          {"frames_per_second", info.framesPerSecond > 0 ? nlohmann::json(info.framesPerSecond)
                                                         : nlohmann::json(nullptr)},
          {"frames_read", video.position()},
          {"codec", info.codec},
          {"every", every_}}},
        {"results", results}};
    std::cout << doc.dump(2) << std::endl;
    return 0;
}

}  // namespace reslens::cli
