#pragma once

// How a feature grid is coloured and scaled. Plain enums with stable names, so that the
// app's controls, its settings and reslens-cli's flags all speak of them the same way;
// no LibTorch and no OpenCV here.

#include <optional>
#include <string>

namespace reslens {

enum class GridNormalization {
    PerChannel,  // each tile spans the whole colormap: shapes stand out
    Shared,      // one range for all tiles: magnitudes compare across channels
};

enum class GridColormap {
    Viridis,    // perceptually uniform, colour-blind safe
    Inferno,    // perceptually uniform, dark to bright
    Gray,       // plain intensity
    Diverging,  // blue - white - red around zero: the sign of F(x) at a glance
};

// "channel", "shared" (features --normalize).
std::string toString(GridNormalization normalization);
std::optional<GridNormalization> gridNormalizationFromString(const std::string& name);
// "viridis", "inferno", "gray", "signed".
std::string toString(GridColormap colormap);
std::optional<GridColormap> gridColormapFromString(const std::string& name);

}  // namespace reslens
