#include "app/core/models/ModelRequest.h"

#include <nlohmann/json.hpp>

#include "model/runtime/EnumNames.h"

namespace reslens {
namespace {

constexpr EnumNameTable<ModelKind, 5> kKindNames = {{
    {ModelKind::Shipped, "shipped"},
    {ModelKind::File, "file"},
    {ModelKind::TorchScript, "torchscript"},
    {ModelKind::Fresh, "fresh"},
    {ModelKind::Memory, "memory"},
}};

ModelRequest make(ModelKind kind, const std::string& location) {
    ModelRequest request;
    request.kind = kind;
    request.location = location;
    return request;
}

}  // namespace

std::string toString(ModelKind kind) {
    return enumName(kKindNames, kind);
}

std::optional<ModelKind> modelKindFromString(const std::string& name) {
    return enumFromName(kKindNames, name);
}

LabelChoice LabelChoice::parse(const std::string& text) {
    LabelChoice choice;
    if (text == "imagenet") {
        choice.kind = Kind::ImageNet;
    } else if (!text.empty()) {
        choice.kind = Kind::File;
        choice.path = text;
    }
    return choice;
}

ModelRequest ModelRequest::shipped(const std::string& name) {
    return make(ModelKind::Shipped, name);
}

ModelRequest ModelRequest::file(const std::string& path) {
    return make(ModelKind::File, path);
}

ModelRequest ModelRequest::torchScript(const std::string& path) {
    return make(ModelKind::TorchScript, path);
}

ModelRequest ModelRequest::fresh(const ResNetConfig& config) {
    ModelRequest request = make(ModelKind::Fresh, config.arch);
    request.config = config;
    request.architectureGiven = true;
    return request;
}

ModelRequest ModelRequest::memory(const std::string& title, std::vector<char> modelFile) {
    ModelRequest request = make(ModelKind::Memory, title);
    request.bytes = std::move(modelFile);
    return request;
}

std::string importStateText(const ModelRequest& request) {
    const ImportSettings& s = request.import;
    nlohmann::json json = {{"key", s.key}};
    if (s.stemPoolStride)
        json["stem_pool_stride"] = *s.stemPoolStride;
    if (s.zeroPad)
        json["zero_pad"] = toString(*s.zeroPad);
    if (s.mean)
        json["mean"] = *s.mean;
    if (s.std)
        json["std"] = *s.std;
    if (s.input)
        json["input"] = {s.input->first, s.input->second};
    switch (request.labels.kind) {
        case LabelChoice::Kind::ImageNet:
            json["labels"] = "imagenet";
            break;
        case LabelChoice::Kind::File:
            json["labels"] = request.labels.path;
            break;
        case LabelChoice::Kind::Automatic:
            break;
    }
    return json.dump();
}

void applyImportStateText(ModelRequest& request, const std::string& text) {
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object()) {
        return;
    }
    ImportSettings s;
    try {
        s.key = json.value("key", std::string());
        if (json.contains("stem_pool_stride"))
            s.stemPoolStride = json["stem_pool_stride"].get<int>();
        if (json.contains("zero_pad"))
            s.zeroPad = ImportSettings::parseZeroPad(json["zero_pad"]);
        if (json.contains("mean"))
            s.mean = json["mean"].get<std::vector<double>>();
        if (json.contains("std"))
            s.std = json["std"].get<std::vector<double>>();
        if (json.contains("input")) {
            s.input =
                std::make_pair(json["input"].at(0).get<int>(), json["input"].at(1).get<int>());
        }
        request.labels = LabelChoice::parse(json.value("labels", std::string()));
    } catch (const std::exception&) {
        return;  // the defaults, as for a file saved before the import had settings
    }
    request.import = s;
}

}  // namespace reslens
