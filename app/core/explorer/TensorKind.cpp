#include "app/core/explorer/TensorKind.h"

#include "model/runtime/EnumNames.h"

namespace reslens {
namespace {

constexpr EnumNameTable<TensorKind, 4> kNames = {{
    {TensorKind::Input, "input"},
    {TensorKind::Residual, "residual"},
    {TensorKind::Shortcut, "shortcut"},
    {TensorKind::Output, "output"},
}};

}  // namespace

std::string toString(TensorKind kind) {
    return enumName(kNames, kind);
}

std::optional<TensorKind> tensorKindFromString(const std::string& name) {
    return enumFromName(kNames, name);
}

}  // namespace reslens
