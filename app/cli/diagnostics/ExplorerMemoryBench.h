#pragma once

// `reslens-cli bench --explorer-memory`: the resident memory of the explorer's session (the
// app's engine side, without Qt) with every block captured, for a fresh network of the
// given configuration classifying one synthetic photo.

#include <nlohmann/json.hpp>

#include "app/core/models/ModelRequest.h"
#include "app/core/models/ResourceSource.h"
#include "model/network/ResNetConfig.h"

namespace reslens::cli {

// Resident and peak memory (MB) before opening, after opening, after the first and after a
// second classification, with the weights' size, the captures' precision and the estimate:
// of a fresh network (`--arch`) or of a user's file (`--model`, opened as the app imports
// it), at the input size the model's preparation crops to.
nlohmann::json benchExplorerMemory(const ResourceSource& resources, const ModelRequest& request);

}  // namespace reslens::cli
