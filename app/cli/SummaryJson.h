#pragma once

// ArchitectureSummary as CLI.md's `inspect --json` document.

#include <nlohmann/json.hpp>

#include "model/ArchitectureSummary.h"

namespace reslens::cli {

nlohmann::json summaryToJson(const ArchitectureSummary& summary);

}  // namespace reslens::cli
