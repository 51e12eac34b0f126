#pragma once

// ArchitectureSummary as docs/cli.md's `inspect --json` document.

#include <nlohmann/json.hpp>

#include "model/network/ArchitectureSummary.h"

namespace reslens::cli {

nlohmann::json summaryToJson(const ArchitectureSummary& summary);

}  // namespace reslens::cli
