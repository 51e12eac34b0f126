#pragma once

// The twin a study compares a model with, decided once for every face: a shipped model's
// twin is the shipped model trained by the same recipe with the other setting of skips
// (ShippedModels.h); any other model has none, and the user names one.

#include <optional>
#include <vector>

#include "app/core/models/ModelRequest.h"

namespace reslens {

std::optional<ModelRequest> shippedTwin(const ModelRequest& model);
// The model, then its twin when it has one.
std::vector<ModelRequest> modelWithTwin(const ModelRequest& model);
// For a shipped model, every other shipped pair, the skip network first, then its twin
// (the other depth of He et al.'s Fig. 7); empty for any other model.
std::vector<ModelRequest> otherShippedPairs(const ModelRequest& model);

}  // namespace reslens
