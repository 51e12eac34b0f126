#include "imaging/GridStyle.h"

#include "model/runtime/EnumNames.h"

namespace reslens {
namespace {

constexpr EnumNameTable<GridNormalization, 2> kNormalizations = {{
    {GridNormalization::PerChannel, "channel"},
    {GridNormalization::Shared, "shared"},
}};

constexpr EnumNameTable<GridColormap, 4> kColormaps = {{
    {GridColormap::Viridis, "viridis"},
    {GridColormap::Inferno, "inferno"},
    {GridColormap::Gray, "gray"},
    {GridColormap::Diverging, "signed"},
}};

}  // namespace

std::string toString(GridNormalization normalization) {
    return enumName(kNormalizations, normalization);
}

std::optional<GridNormalization> gridNormalizationFromString(const std::string& name) {
    return enumFromName(kNormalizations, name);
}

std::string toString(GridColormap colormap) {
    return enumName(kColormaps, colormap);
}

std::optional<GridColormap> gridColormapFromString(const std::string& name) {
    return enumFromName(kColormaps, name);
}

}  // namespace reslens
