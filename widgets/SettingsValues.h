#pragma once

// Reading and writing the settings whose values name something. Today's version writes
// names ("shipped", "viridis"); versions up to 0.1 wrote integers (the enum's value for the
// model kind, a combo box's index for the feature-map choices), and those still read.

#include <QVariant>

#include <optional>

#include "app/core/ModelRequest.h"

namespace reslens {

QVariant settingFor(ModelKind kind);
std::optional<ModelKind> modelKindFromSetting(const QVariant& value);

}  // namespace reslens
