#include "app/core/models/ModelTwins.h"

#include "app/core/models/ShippedModels.h"

namespace reslens {

namespace {

const ShippedModel* shippedEntry(const ModelRequest& model) {
    return model.kind == ModelKind::Shipped ? findShippedModel(model.location) : nullptr;
}

}  // namespace

std::optional<ModelRequest> shippedTwin(const ModelRequest& model) {
    const ShippedModel* shipped = shippedEntry(model);
    if (!shipped || shipped->twin.empty()) {
        return std::nullopt;
    }
    return ModelRequest::shipped(shipped->twin);
}

std::vector<ModelRequest> modelWithTwin(const ModelRequest& model) {
    std::vector<ModelRequest> models{model};
    if (const std::optional<ModelRequest> twin = shippedTwin(model)) {
        models.push_back(*twin);
    }
    return models;
}

std::vector<ModelRequest> otherShippedPairs(const ModelRequest& model) {
    std::vector<ModelRequest> models;
    const ShippedModel* loaded = shippedEntry(model);
    if (!loaded) {
        return models;
    }
    for (const ShippedModel& other : shippedModels()) {
        // A pair is named by its skip network; "-plain" names the twin.
        if (other.name == loaded->name || other.name == loaded->twin ||
            other.name.find("-plain") != std::string::npos) {
            continue;
        }
        models.push_back(ModelRequest::shipped(other.name));
        if (!other.twin.empty()) {
            models.push_back(ModelRequest::shipped(other.twin));
        }
    }
    return models;
}

}  // namespace reslens
