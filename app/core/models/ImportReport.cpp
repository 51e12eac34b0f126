#include "app/core/models/ImportReport.h"

#include "model/checkpoint/CheckpointImport.h"

namespace reslens {
namespace {

std::string joined(const std::vector<int>& values, const char* separator) {
    std::string text;
    for (int value : values) {
        text += (text.empty() ? "" : separator) + std::to_string(value);
    }
    return text;
}

}  // namespace

ImportReport ImportReport::of(const std::string& file, const CheckpointImport& imported) {
    ImportReport report;
    report.file = file;
    report.format = toString(imported.format);
    report.weightsPath = imported.weightsPath;
    report.candidates = imported.candidates;
    report.strippedPrefix = imported.strippedPrefix;
    report.config = imported.recognized.config;
    report.assumptions = imported.recognized.assumptions;
    for (const auto& p : imported.network->parameters()) {
        report.parameters += p.numel();
    }
    for (const WeightMapping& m : imported.recognized.mapping) {
        std::string shape;
        for (int64_t d : m.shape) {
            shape += (shape.empty() ? "" : "x") + std::to_string(d);
        }
        report.mapping.push_back(
            {m.fileKey, m.reslensKey, shape.empty() ? "scalar" : shape, m.note});
    }
    return report;
}

std::string ImportReport::architectureLine() const {
    const ResNetConfig& c = config;
    std::string line = c.arch + ": " + toString(c.block) + " blocks " +
                       joined(c.blocksPerStage, "-") + ", widths " + joined(c.stageWidths, "-");
    if (!c.innerWidths.empty()) {
        line += " (inner " + joined(c.innerWidths, "-") + ")";
    }
    if (c.groups > 1) {
        line += ", " + std::to_string(c.groups) + " groups";
    }
    line += ", stem " + std::to_string(c.stemKernel) + "x" + std::to_string(c.stemKernel) + "/" +
            std::to_string(c.stemStride) + " to " + std::to_string(c.stemChannels()) + " channels" +
            (c.stemPoolStride > 0 ? " + max-pool/" + std::to_string(c.stemPoolStride) : "");
    line += std::string(", shortcut ") + (c.shortcut == ShortcutOption::A ? "A" : "B");
    if (c.preact) {
        line += ", pre-activation";
    }
    if (!c.batchNorm) {
        line += ", no batch norm";
    }
    line += ", " + std::to_string(c.inChannels) + " input channels, " + std::to_string(c.classes) +
            " classes, " + std::to_string(parameters) + " parameters";
    return line;
}

nlohmann::json ImportReport::toJson(bool withMapping) const {
    nlohmann::json json = {{"format", format},
                           {"weights", weightsPath.empty() ? "(the file itself)" : weightsPath},
                           {"candidates", candidates},
                           {"stripped_prefix", strippedPrefix},
                           {"architecture", architectureLine()},
                           {"parameters", parameters},
                           {"assumptions", assumptions}};
    if (withMapping) {
        nlohmann::json rows = nlohmann::json::array();
        for (const Row& row : mapping) {
            rows.push_back({{"file_key", row.fileKey},
                            {"reslens_key", row.reslensKey},
                            {"shape", row.shape},
                            {"note", row.note}});
        }
        json["mapping"] = rows;
    }
    return json;
}

}  // namespace reslens
