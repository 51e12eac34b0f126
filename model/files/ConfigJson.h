#pragma once

// ResNetConfig to and from JSON, as stored in model files' metadata.

#include <nlohmann/json_fwd.hpp>

#include "model/network/ResNetConfig.h"

namespace reslens {

nlohmann::json configToJson(const ResNetConfig& config);
// Rebuilds the layout from the stored architecture name, then applies the stored options,
// so that a file cannot describe a layout the engine would not build. Throws InputError.
ResNetConfig configFromJson(const nlohmann::json& json);

}  // namespace reslens
