#pragma once

// Reading and writing the settings whose values name something. Today's version writes
// names ("shipped", "viridis"); versions up to 0.1 wrote integers (the enum's value for the
// model kind, a combo box's index for the feature-map choices), and those still read.

#include <QVariant>

#include <optional>

#include "app/core/models/ModelRequest.h"

namespace reslens {

QVariant settingFor(ModelKind kind);
std::optional<ModelKind> modelKindFromSetting(const QVariant& value);

// The model open when the app last closed, if it can still be opened (a shipped name, or a
// file that still exists, with its import settings); none for a fresh or trained network.
std::optional<ModelRequest> rememberedModel();
// Remembers a model that can be opened again (not a fresh or trained network).
void rememberModel(const ModelRequest& request);

}  // namespace reslens
