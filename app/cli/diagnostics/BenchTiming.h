#pragma once

// The timing helpers of every benchmark loop: how long a piece of work took, and the median
// of the samples (robust to the odd slow iteration on a shared machine).

#include <algorithm>
#include <chrono>
#include <vector>

namespace reslens::cli {

template <typename Work>
double millisecondsOf(Work&& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

inline double median(std::vector<double> values) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

}  // namespace reslens::cli
