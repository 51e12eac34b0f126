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
    };
}

ResNetConfig configFromJson(const nlohmann::json& json) {
    try {
        ResNetConfig config = ResNetConfig::fromArchName(json.at("arch").get<std::string>());
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
        config.arch = config.canonicalName();
        config.validate();
        return config;
    } catch (const nlohmann::json::exception& e) {
        throw InputError(std::string("architecture: ") + e.what());
    } catch (const ConfigError& e) {
        throw InputError(std::string("architecture: ") + e.what());
    }
}

}  // namespace reslens
