#pragma once

// What an import found, in plain values for the CLI's output, the import dialog and the
// model file's provenance: the file's format, where the weights were, the architecture
// recognised, what was assumed (and the flag that changes it), and, for --explain, every
// file key with the ResLens parameter it became.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "model/network/ResNetConfig.h"

namespace reslens {

struct CheckpointImport;

struct ImportReport {
    struct Row {
        std::string fileKey;
        std::string reslensKey;
        std::string shape;  // "64x3x7x7"
        std::string note;
    };
    std::string file;
    std::string format;
    std::string weightsPath;  // "" for the file itself
    std::vector<std::string> candidates;
    std::string strippedPrefix;
    ResNetConfig config;
    int64_t parameters = 0;
    std::vector<std::string> assumptions;
    std::vector<Row> mapping;

    static ImportReport of(const std::string& file, const CheckpointImport& imported);

    // "resnet34: basic blocks 3-4-6-3, widths 128-256-512-512, stem 7x7/2 + max-pool/1, ..."
    std::string architectureLine() const;
    // The mapping rows are left out unless asked for.
    nlohmann::json toJson(bool withMapping) const;
};

}  // namespace reslens
