#pragma once

// How a training run ended. Its own header, free of LibTorch, because the app's widgets
// take it as it is.

#include <optional>
#include <string>

namespace reslens {

enum class RunStatus { Finished, Cancelled, Diverged };

// "finished", "cancelled", "diverged": the words of provenance and of compare's JSON.
std::string toString(RunStatus status);
std::optional<RunStatus> runStatusFromString(const std::string& name);

}  // namespace reslens
