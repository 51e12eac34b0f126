#pragma once

// A CKA matrix's two readings in a few numbers, for the CLI's summary and the app's: how
// alike the blocks within each stage are (Greff et al. 2017's "one representation refined"),
// and how alike each block is to the next.

#include <vector>

#include "app/core/instruments/SimilarityTypes.h"

namespace reslens {

struct StageSimilarity {
    int stage = 0;       // 1 for the first residual stage
    double meanCka = 0;  // over every pair of the stage's blocks
    int pairs = 0;
};

// Stages with at least two blocks, in order.
std::vector<StageSimilarity> withinStageSimilarity(const SimilarityResult& result);
// CKA of each output with the next: n - 1 values for n outputs.
std::vector<double> neighbourSimilarity(const SimilarityResult& result);

}  // namespace reslens
