#pragma once

// The few numbers the lessons (docs/user-guide.md, *Lessons*) state, computed from what
// their runs measured. Plain types in and out: the app's lessons show them, the lesion
// view summarises with them, and the tests check them against their own arithmetic.

#include <string>
#include <vector>

#include "app/core/studies/LesionTypes.h"

namespace reslens {

// One block bypassed at a time: the accuracies over the blocks.
struct LesionSpread {
    double baseline = 0;  // every block in place
    double lowest = 0;
    std::string lowestBlock;
    double median = 0;  // the middle value; the mean of the two middle ones for an even count
    double highest = 0;
    int blocks = 0;
};
// Throws InputError for a study without single-block lesions.
LesionSpread lesionSpread(const LesionStudyResult& study);

// The first block's gradient norm over the last block's: above 1, the gradient grows on its
// way back to the input; below 1, it shrinks (vanishes). NaN for fewer than two blocks or a
// last norm of 0.
double firstOverLast(const std::vector<double>& blockNorms);

// The mean of the last ceil(share * n) values (at least one); NaN for none.
double meanOfLast(const std::vector<double>& values, double share);

// The share of the finite values below `threshold` (NaN, the points a cancelled slice never
// reached, are not counted); 0 for none.
double shareBelow(const std::vector<double>& values, double threshold);

}  // namespace reslens
