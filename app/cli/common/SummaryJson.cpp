#include "app/cli/common/SummaryJson.h"

namespace reslens::cli {
namespace {

nlohmann::json configToJson(const ResNetConfig& c) {
    return {{"family", toString(c.family)},
            {"block", toString(c.block)},
            {"depth", c.depth},
            {"skip", c.skip},
            {"shortcut", toString(c.shortcut)},
            {"stride_on", toString(c.strideOn)},
            {"preact", c.preact},
            {"batch_norm", c.batchNorm},
            {"in_channels", c.inChannels},
            {"classes", c.classes},
            {"input_size", {c.inputHeight, c.inputWidth}}};
}

nlohmann::json layerToJson(const LayerAccount& layer) {
    return {{"name", layer.name},
            {"params", layer.params},
            {"macs", layer.macs},
            {"output_shape", layer.outputShape}};
}

}  // namespace

nlohmann::json summaryToJson(const ArchitectureSummary& summary) {
    const ResNetConfig& c = summary.config;
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& b : summary.blocks) {
        blocks.push_back({
            {"name", b.info.name},
            {"stage", b.info.stage},
            {"kind", toString(b.info.kind)},
            {"in_channels", b.info.inChannels},
            {"out_channels", b.info.outChannels},
            {"stride", b.info.stride},
            {"shortcut", toString(b.info.shortcut)},
            {"params", b.params},
            {"conv_params", b.convParams},
            {"bn_params", b.bnParams},
            {"shortcut_params", b.shortcutParams},
            {"basic_equivalent_params",
             b.basicEquivalentParams ? nlohmann::json(*b.basicEquivalentParams) : nlohmann::json()},
            {"macs", b.macs},
            {"output_shape", b.outputShape},
        });
    }
    return {{"arch", c.arch},
            {"total_params", summary.totalParams},
            {"macs", summary.macs},
            {"input", {c.inChannels, c.inputHeight, c.inputWidth}},
            {"config", configToJson(c)},
            {"stem", layerToJson(summary.stem)},
            {"head", layerToJson(summary.head)},
            {"blocks", blocks}};
}

}  // namespace reslens::cli
