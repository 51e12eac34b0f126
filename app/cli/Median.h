#pragma once

// The median of benchmark timings: robust to the odd slow iteration on a shared machine.

#include <algorithm>
#include <vector>

namespace reslens::cli {

inline double median(std::vector<double> values) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

}  // namespace reslens::cli
