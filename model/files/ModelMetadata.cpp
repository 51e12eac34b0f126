#include "model/files/ModelMetadata.h"

#include "model/files/ConfigJson.h"
#include "model/runtime/InputError.h"
#include "model/runtime/JsonNumbers.h"

namespace reslens {
namespace {
constexpr const char* kFormat = "reslens-model";
constexpr int kFormatVersion = 1;
}  // namespace

std::string ModelMetadata::label(int64_t index) const {
    if (index >= 0 && static_cast<size_t>(index) < labels.size()) {
        return labels[static_cast<size_t>(index)];
    }
    return "class " + std::to_string(index);
}

std::vector<std::string> numberedLabels(int classes) {
    std::vector<std::string> labels;
    labels.reserve(static_cast<size_t>(std::max(classes, 0)));
    for (int i = 0; i < classes; ++i) {
        labels.push_back("class " + std::to_string(i));
    }
    return labels;
}

nlohmann::json metadataToJson(const ModelMetadata& metadata) {
    return {
        {"format", kFormat},
        {"format_version", kFormatVersion},
        {"architecture", configToJson(metadata.config)},
        {"labels", metadata.labels},
        {"preprocessing", preprocessingToJson(metadata.preprocessing)},
        {"provenance", metadata.provenance},
    };
}

ModelMetadata metadataFromJson(const nlohmann::json& json) {
    try {
        if (!json.is_object() || json.value("format", std::string()) != kFormat) {
            throw InputError("metadata is not a ResLens model description");
        }
        const int version = wholeNumber(json.at("format_version"), "format_version");
        if (version > kFormatVersion) {
            throw InputError("model file format version " + std::to_string(version) +
                             " is newer than this ResLens reads (" +
                             std::to_string(kFormatVersion) + ")");
        }
        ModelMetadata metadata;
        metadata.config = configFromJson(json.at("architecture"));
        metadata.labels = json.at("labels").get<std::vector<std::string>>();
        if (metadata.labels.size() != static_cast<size_t>(metadata.config.classes)) {
            throw InputError("metadata has " + std::to_string(metadata.labels.size()) +
                             " labels for " + std::to_string(metadata.config.classes) + " classes");
        }
        metadata.preprocessing = preprocessingFromJson(json.at("preprocessing"));
        if (metadata.preprocessing.channels != metadata.config.inChannels) {
            throw InputError(
                "preprocessing makes " + std::to_string(metadata.preprocessing.channels) +
                " channels but the network takes " + std::to_string(metadata.config.inChannels));
        }
        metadata.provenance = json.value("provenance", nlohmann::json::object());
        return metadata;
    } catch (const nlohmann::json::exception& e) {
        throw InputError(std::string("metadata: ") + e.what());
    }
}

}  // namespace reslens
