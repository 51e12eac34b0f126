#pragma once

// What a loss-landscape slice (LossLandscape.h) is asked and answers, in plain types.

#include <cstdint>
#include <functional>
#include <vector>

namespace reslens {

struct LandscapeOptions {
    int samples = 2000;  // the first N images of the split, no augmentation
    int points = 21;     // per axis, odd: 0 is one of them
    double range = 1.0;  // coefficients run over [-range, range]
    uint64_t seed = 1;   // of the random directions
    bool twoD = false;

    int evaluations() const { return twoD ? points * points : points; }
};

struct LandscapeResult {
    std::vector<double> alphas;
    std::vector<double> betas;     // 2-D only
    std::vector<double> loss;      // 1-D: one per alpha; 2-D: row-major, row = beta
    std::vector<double> accuracy;  // the same layout
    int64_t samples = 0;
    bool cancelled = false;  // stopped early: the points not reached are NaN
    int evaluations = 0;
    double evaluationSeconds = 0;
};

// After each point: done, of total. Return false to stop (the weights are restored).
using LandscapeProgress = std::function<bool(int done, int total)>;

}  // namespace reslens
