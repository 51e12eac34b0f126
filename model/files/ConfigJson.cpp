#include "model/files/ConfigJson.h"

#include <nlohmann/json.hpp>

#include "model/runtime/InputError.h"
#include "model/runtime/JsonNumbers.h"

namespace reslens {

nlohmann::json configToJson(const ResNetConfig& config) {
    return {
        {"arch", (config.skip ? "resnet" : "plain") + std::to_string(config.depth)},
        {"family", toString(config.family)},
        {"block", toString(config.block)},
        {"depth", config.depth},
        {"blocks_per_stage", config.blocksPerStage},
        {"stage_widths", config.stageWidths},
        {"skip", config.skip},
        {"shortcut", toString(config.shortcut)},
        {"stride_on", toString(config.strideOn)},
        {"preact", config.preact},
        {"batch_norm", config.batchNorm},
        {"in_channels", config.inChannels},
        {"classes", config.classes},
        {"input", {config.inputHeight, config.inputWidth}},
        {"stem",
         {{"kernel", config.stemKernel},
          {"stride", config.stemStride},
          {"pool_stride", config.stemPoolStride},
          {"width", config.stemChannels()}}},
        {"groups", config.groups},
        {"inner_widths", config.innerWidths},
        {"zero_pad", toString(config.zeroPad)},
    };
}

namespace {

// A network of the user's own layout (an import) has stages, widths and a stem no name
// implies; files written before these were recorded hold exactly their name's layout.
void readLayout(const nlohmann::json& json, ResNetConfig& config) {
    if (json.contains("stem")) {
        const auto& stem = json.at("stem");
        config.stemKernel = wholeNumber(stem.at("kernel"), "stem kernel");
        config.stemStride = wholeNumber(stem.at("stride"), "stem stride");
        config.stemPoolStride = wholeNumber(stem.at("pool_stride"), "stem pool stride");
        config.stemWidth = wholeNumber(stem.at("width"), "stem width");
        config.blocksPerStage = wholeNumbers(json.at("blocks_per_stage"), "blocks_per_stage");
        config.stageWidths = wholeNumbers(json.at("stage_widths"), "stage_widths");
        config.groups = wholeNumber(json.at("groups"), "groups");
        config.innerWidths = wholeNumbers(json.at("inner_widths"), "inner_widths");
        const auto block = json.at("block").get<std::string>();
        if (block != "basic" && block != "bottleneck") {
            throw InputError("block must be basic or bottleneck, not '" + block + "'");
        }
        config.block = block == "basic" ? BlockKind::Basic : BlockKind::Bottleneck;
        const auto zeroPad = json.at("zero_pad").get<std::string>();
        if (zeroPad != "end" && zeroPad != "both") {
            throw InputError("zero_pad must be end or both, not '" + zeroPad + "'");
        }
        config.zeroPad = zeroPad == "end" ? ZeroPadPlacement::End : ZeroPadPlacement::Both;
        if (config.blocksPerStage.size() != config.stageWidths.size()) {
            throw InputError("blocks_per_stage and stage_widths disagree");
        }
        int depth = 2;
        for (int blocks : config.blocksPerStage) {
            depth += blocks * (config.block == BlockKind::Bottleneck ? 3 : 2);
        }
        config.depth = depth;
    }
}

// The name's configuration; an imported layout's depth may be one no name has (its stages are
// read from the file right after).
ResNetConfig configForName(const nlohmann::json& json) {
    const auto name = json.at("arch").get<std::string>();
    if (!json.contains("stem")) {
        return ResNetConfig::fromArchName(name);
    }
    try {
        return ResNetConfig::fromArchName(name);
    } catch (const ConfigError&) {
        ResNetConfig config;
        config.family =
            json.at("family").get<std::string>() == "imagenet" ? Family::ImageNet : Family::Cifar;
        return config;
    }
}

}  // namespace

ResNetConfig configFromJson(const nlohmann::json& json) {
    try {
        ResNetConfig config = configForName(json);
        config.skip = json.at("skip").get<bool>();
        const auto shortcut = json.at("shortcut").get<std::string>();
        if (shortcut != "A" && shortcut != "B") {
            throw InputError("shortcut must be A or B, not '" + shortcut + "'");
        }
        config.shortcut = shortcut == "A" ? ShortcutOption::A : ShortcutOption::B;
        const auto strideOn = json.at("stride_on").get<std::string>();
        if (strideOn != "1x1" && strideOn != "3x3") {
            throw InputError("stride_on must be 1x1 or 3x3, not '" + strideOn + "'");
        }
        config.strideOn = strideOn == "1x1" ? StrideOn::Conv1x1 : StrideOn::Conv3x3;
        config.preact = json.at("preact").get<bool>();
        config.batchNorm = json.at("batch_norm").get<bool>();
        config.inChannels = wholeNumber(json.at("in_channels"), "in_channels");
        config.classes = wholeNumber(json.at("classes"), "classes");
        const auto input = wholeNumbers(json.at("input"), "input");
        if (input.size() != 2) {
            throw InputError("input must be [height, width]");
        }
        config.inputHeight = input[0];
        config.inputWidth = input[1];
        readLayout(json, config);
        const std::string name = json.at("arch").get<std::string>();
        config.arch = config.canonicalName();
        if (name != config.arch) {
            // The name a file gives must be the one its stages make (a network of the user's
            // own layout may have a depth no name table has, but never another name).
            throw InputError("architecture: unknown architecture '" + name + "' (its stages make " +
                             config.arch + ")");
        }
        config.validate();
        return config;
    } catch (const nlohmann::json::exception& e) {
        throw InputError(std::string("architecture: ") + e.what());
    } catch (const ConfigError& e) {
        throw InputError(std::string("architecture: ") + e.what());
    }
}

}  // namespace reslens
