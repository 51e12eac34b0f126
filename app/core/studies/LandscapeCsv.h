#pragma once

// The one landscape table, for the CLI's --out and the app's export alike: one row per point
// of every slice, `[beta,]alpha,loss,accuracy,model,data,samples,seed`. The leading columns
// are those docs/cli.md names for landscape-1d.csv and landscape-2d.csv (beta only for 2-D
// slices); the trailing ones say whose slice a row is, so that several models share a file.

#include <cstdint>
#include <string>
#include <vector>

#include "app/core/studies/LandscapeRequest.h"

namespace reslens {

// Every slice must have the dimensions of the first (all 1-D or all 2-D).
std::string landscapeCsv(const std::vector<NamedLandscape>& slices, uint64_t seed);

}  // namespace reslens
