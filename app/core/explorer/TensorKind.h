#pragma once

// Which of a block's four tensors a feature grid shows: its input x, the residual branch
// F(x) before the addition, the shortcut, or the output y.

#include <optional>
#include <string>

namespace reslens {

enum class TensorKind { Input, Residual, Shortcut, Output };

// "input", "residual", "shortcut", "output": the names of `features --tensor`.
std::string toString(TensorKind kind);
std::optional<TensorKind> tensorKindFromString(const std::string& name);

}  // namespace reslens
