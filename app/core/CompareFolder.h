#pragma once

// A `reslens-cli compare --out` folder (docs/cli.md: summary.json, skip.csv, noskip.csv)
// read as a saved run, so the lab opens what a script trained. The CSVs carry parameter
// gradient norms only: the runs come back without output-gradient norms.

#include <string>

#include "app/core/SavedRun.h"

namespace reslens {

// Throws InputError, one line naming the file and what is wrong with it.
SavedRun readCompareFolder(const std::string& directory);

}  // namespace reslens
