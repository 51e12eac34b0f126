#include "app/cli/ClassifyCommand.h"

#include <torch/torch.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "imaging/ImageDecoder.h"
#include "imaging/ImagePreprocessor.h"
#include "model/Classifier.h"

namespace reslens::cli {
namespace {

// Images per forward: enough to use the cores, small enough for ImageNet-sized inputs.
constexpr size_t kBatch = 16;

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
            {"residual_std", s.residualStd}};
}

std::string optionalText(const std::optional<double>& value, const char* format) {
    if (!value) {
        return "-";
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, format, *value);
    return buffer;
}

void printPrediction(const std::string& image, const PreparedImage& prepared, const Prediction& p,
                     const ModelMetadata& metadata, const std::string& device) {
    std::printf(
        "%s  (%s on %s, input %lldx%lldx%lld%s)\n", image.c_str(), metadata.config.arch.c_str(),
        device.c_str(), static_cast<long long>(prepared.tensor.size(0)),
        static_cast<long long>(prepared.tensor.size(1)),
        static_cast<long long>(prepared.tensor.size(2)), prepared.inverted ? ", inverted" : "");
    for (size_t i = 0; i < p.top.size(); ++i) {
        std::printf("  %zu. %-28s %6.2f%%\n", i + 1, metadata.label(p.top[i].index).c_str(),
                    100.0 * p.top[i].probability);
    }
    std::printf("\n  %-10s %10s %10s %10s %10s %7s %7s %9s\n", "block", "|x|", "|F(x)|",
                "|shortcut|", "|y|", "ratio", "cos", "std F(x)");
    for (const BlockStatistics& s : p.blocks) {
        std::printf("  %-10s %10.3f %10.3f %10s %10.3f %7s %7s %9.4f\n", s.name.c_str(),
                    s.inputNorm, s.residualNorm, optionalText(s.shortcutNorm, "%.3f").c_str(),
                    s.outputNorm, optionalText(s.residualRatio, "%.3f").c_str(),
                    optionalText(s.cosine, "%.3f").c_str(), s.residualStd);
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
    command_->add_option("images", images_, "image files (PNG, JPEG, BMP, TIFF, WebP, ...)")
        ->required();
    command_->add_option("--top", top_, "how many classes to list")->check(CLI::Range(1, 1000000));
    command_->add_flag("--json", json_, "print one JSON document");
}

int ClassifyCommand::run() {
    LoadedModel model = source_.load();
    const ModelMetadata& metadata = model.metadata;
    // Decode and prepare every image first: one bad file fails the command before any output.
    std::vector<PreparedImage> prepared;
    prepared.reserve(images_.size());
    for (const std::string& image : images_) {
        prepared.push_back(prepareImage(decodeImageFile(image), metadata.preprocessing));
    }

    nlohmann::json results = nlohmann::json::array();
    for (size_t start = 0; start < prepared.size(); start += kBatch) {
        const size_t end = std::min(prepared.size(), start + kBatch);
        std::vector<torch::Tensor> tensors;
        for (size_t i = start; i < end; ++i) {
            tensors.push_back(prepared[i].tensor);
        }
        const std::vector<Prediction> predictions =
            classify(*model.network, torch::stack(tensors), top_);
        for (size_t i = start; i < end; ++i) {
            const Prediction& p = predictions[i - start];
            if (!json_) {
                printPrediction(images_[i], prepared[i], p, metadata, source_.deviceName());
                continue;
            }
            nlohmann::json top = nlohmann::json::array();
            for (const ClassScore& score : p.top) {
                top.push_back({{"index", score.index},
                               {"label", metadata.label(score.index)},
                               {"probability", score.probability}});
            }
            nlohmann::json blocks = nlohmann::json::array();
            for (const BlockStatistics& s : p.blocks) {
                blocks.push_back(blockJson(s));
            }
            results.push_back({{"image", images_[i]},
                               {"device", source_.deviceName()},
                               {"top", top},
                               {"logits", p.logits},
                               {"blocks", blocks},
                               {"inverted", prepared[i].inverted},
                               {"input", prepared[i].tensor.sizes().vec()}});
        }
    }
    if (json_) {
        nlohmann::json doc = {
            {"model", source_.modelName()}, {"arch", metadata.config.arch}, {"results", results}};
        std::cout << doc.dump(2) << std::endl;
    }
    return 0;
}

}  // namespace reslens::cli
