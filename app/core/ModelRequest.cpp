#include "app/core/ModelRequest.h"

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

}  // namespace reslens
