#include "app/core/models/ModelCatalog.h"

#include <torch/torch.h>

#include "app/core/models/ImportInspection.h"
#include "app/core/models/LabelRule.h"
#include "app/core/models/Provenance.h"
#include "app/core/models/ShippedModels.h"
#include "model/checkpoint/CheckpointImport.h"
#include "model/files/TorchvisionImport.h"
#include "model/runtime/InputError.h"

namespace reslens {

ModelMetadata ModelCatalog::metadataFor(const ResNetConfig& config, const LabelChoice& labels,
                                        nlohmann::json provenance) const {
    ModelMetadata metadata;
    metadata.config = config;
    metadata.labels = labelsFor(config.classes, labels, resources_);
    metadata.preprocessing =
        Preprocessing::forInput(config.inChannels, config.inputHeight, config.inputWidth);
    metadata.provenance = std::move(provenance);
    return metadata;
}

LoadedModel ModelCatalog::openShipped(const std::string& name) const {
    const ShippedModel* shipped = findShippedModel(name);
    if (!shipped) {
        throw InputError("no shipped model '" + name + "' (one of: " + shippedModelNames() + ")");
    }
    const auto bytes = resources_.read(shipped->resourcePath);
    if (!bytes) {
        throw InputError("the shipped " + name + " model is not there (" +
                         resources_.locate(shipped->resourcePath) + ")");
    }
    return loadModelFromBuffer(*bytes, name);
}

ModelRequest ModelCatalog::pin(ModelRequest request) {
    if (request.kind == ModelKind::File || request.kind == ModelKind::TorchScript) {
        request.stamp = FileStamp::of(request.location);
    }
    return request;
}

LoadedModel ModelCatalog::openImport(const ModelRequest& request,
                                     const std::string& commandLine) const {
    LoadedModel model;
    if (request.architectureGiven) {
        // The torchvision layout as given: every key and shape must match it exactly.
        model.network = importTorchvision(request.location, request.config).network;
        model.metadata = metadataFor(model.network->config(), request.labels,
                                     importProvenance(request.location, false, commandLine));
        return model;
    }
    const CheckpointImport imported = importWithSettings(request);
    model.network = imported.network;
    nlohmann::json provenance = importProvenance(request.location, true, commandLine);
    provenance["import"] = ImportReport::of(request.location, imported).toJson(false);
    model.metadata = metadataFor(model.network->config(), request.labels, provenance);
    request.import.applyTo(model.metadata.preprocessing);
    model.printedWhileLoading = imported.printed;
    return model;
}

LoadedModel ModelCatalog::open(const ModelRequest& request, const std::string& commandLine) const {
    const std::optional<FileStamp> now =
        request.stamp ? FileStamp::of(request.location) : std::nullopt;
    if (request.stamp && !now) {
        throw InputError("'" + request.location +
                         "' is no longer there (deleted or moved since it was opened): open it "
                         "again where it is now");
    }
    if (request.stamp && now != request.stamp) {
        throw InputError("'" + request.location +
                         "' has changed on disk since it was opened: open it again to use it "
                         "as it is now");
    }
    switch (request.kind) {
        case ModelKind::Shipped:
            return openShipped(request.location);
        case ModelKind::File:
            return loadModel(request.location);
        case ModelKind::Memory:
            return loadModelFromBuffer(request.bytes, request.location);
        case ModelKind::TorchScript:
            return openImport(request, commandLine);
        case ModelKind::Fresh: {
            request.config.validate();
            LoadedModel model;
            model.metadata = metadataFor(request.config, request.labels, freshProvenance());
            model.network = ResNet(request.config);
            model.network->eval();
            return model;
        }
    }
    throw InputError("unknown kind of model request");
}

}  // namespace reslens
