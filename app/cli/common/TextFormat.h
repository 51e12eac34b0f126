#pragma once

// Small helpers for the human-readable output.

#include <cstdint>
#include <string>

namespace reslens::cli {

// 25557032 -> "25,557,032"
std::string withThousands(int64_t value);
// 4089184256 -> "4.089 G"
std::string withSiPrefix(double value, int decimals = 3);

}  // namespace reslens::cli
