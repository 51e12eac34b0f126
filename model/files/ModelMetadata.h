#pragma once

// What a model file says about its network besides the weights: the architecture, the
// class labels, how to prepare an image, and where the weights came from.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "model/data/Preprocessing.h"
#include "model/network/ResNetConfig.h"

namespace reslens {

struct ModelMetadata {
    ResNetConfig config;
    std::vector<std::string> labels;  // one per class
    Preprocessing preprocessing;
    // Free-form: command, dataset, accuracy, source file, creation time.
    nlohmann::json provenance = nlohmann::json::object();

    // The label of a class index, or "class N" when the file has none for it.
    std::string label(int64_t index) const;
};

// Numbered labels ("class 0", ...) for a network whose class names are unknown.
std::vector<std::string> numberedLabels(int classes);

nlohmann::json metadataToJson(const ModelMetadata& metadata);
// Throws InputError naming what is wrong (missing field, label count, ...).
ModelMetadata metadataFromJson(const nlohmann::json& json);

}  // namespace reslens
