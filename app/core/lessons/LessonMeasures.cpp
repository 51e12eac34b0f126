#include "app/core/lessons/LessonMeasures.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "model/runtime/InputError.h"

namespace reslens {

LesionSpread lesionSpread(const LesionStudyResult& study) {
    if (study.blocks.empty()) {
        throw InputError("the study bypassed no single block");
    }
    LesionSpread spread;
    spread.baseline = study.baselineAccuracy;
    spread.blocks = static_cast<int>(study.blocks.size());
    const auto lowest = std::min_element(
        study.blocks.begin(), study.blocks.end(),
        [](const BlockLesion& a, const BlockLesion& b) { return a.accuracy < b.accuracy; });
    spread.lowest = lowest->accuracy;
    spread.lowestBlock = lowest->name;
    std::vector<double> accuracies;
    for (const BlockLesion& block : study.blocks) {
        accuracies.push_back(block.accuracy);
    }
    std::sort(accuracies.begin(), accuracies.end());
    const size_t n = accuracies.size();
    spread.median =
        n % 2 == 1 ? accuracies[n / 2] : (accuracies[n / 2 - 1] + accuracies[n / 2]) / 2;
    spread.highest = accuracies.back();
    return spread;
}

double firstOverLast(const std::vector<double>& blockNorms) {
    if (blockNorms.size() < 2 || !(blockNorms.back() != 0)) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    return blockNorms.front() / blockNorms.back();
}

double meanOfLast(const std::vector<double>& values, double share) {
    if (values.empty()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    const auto count = std::clamp<size_t>(
        static_cast<size_t>(std::ceil(share * static_cast<double>(values.size()))), 1,
        values.size());
    return std::accumulate(values.end() - static_cast<std::ptrdiff_t>(count), values.end(), 0.0) /
           static_cast<double>(count);
}

double shareBelow(const std::vector<double>& values, double threshold) {
    int finite = 0;
    int below = 0;
    for (double v : values) {
        if (std::isfinite(v)) {
            ++finite;
            below += v < threshold ? 1 : 0;
        }
    }
    return finite == 0 ? 0.0 : static_cast<double>(below) / finite;
}

}  // namespace reslens
