#pragma once

// The lesion study of Veit, Wilber and Belongie 2016: a trained network evaluated with each
// residual block bypassed in turn (LesionMask), and with k random blocks bypassed at once.
// Residual networks barely notice losing one block, except where it downsamples; plain
// networks fall to chance. One implementation for `reslens-cli lesion` and the app's
// lesion view. Plain types here; LibTorch only in the .cpp.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/data/Dataset.h"
#include "model/files/ModelFile.h"

namespace reslens {

struct LesionOptions {
    std::vector<std::string> blocks;  // the single-block lesions; empty: every block
    int randomK = 0;                  // k = 1..randomK random blocks at once; 0: none
    int trials = 5;                   // draws per k
    uint64_t seed = 0;                // of the draws
};

struct BlockLesion {
    std::string name;           // e.g. "layer2.0"
    std::string stage;          // e.g. "conv3_x"
    bool downsampling = false;  // stride 2: the block changes the resolution
    double accuracy = 0;
    double loss = 0;
};

struct RandomLesion {
    int k = 0;
    double meanAccuracy = 0;
    double stdAccuracy = 0;  // sample standard deviation over the trials (0 for one trial)
    int trials = 0;
};

struct LesionStudyResult {
    int64_t samples = 0;
    double baselineAccuracy = 0;
    double baselineLoss = 0;
    std::vector<BlockLesion> blocks;  // in network order
    std::vector<RandomLesion> random;
    bool cancelled = false;  // stopped by the progress callback: what ran is kept
};

// After each evaluation: how many are done, of how many, and what ran ("layer2.0",
// "k=3 trial 2"). Return false to stop.
using LesionProgress = std::function<bool(int done, int total, const std::string& what)>;

// Throws InputError for a model without residual blocks, an unknown block name, randomK
// above the number of candidate blocks or below 0, or fewer than one trial.
void checkLesionOptions(const ResNetImpl& network, const LesionOptions& options);

// On the network's device, in inference mode; the network's own mask is restored after.
// Throws InputError (checkLesionOptions).
LesionStudyResult runLesionStudy(LoadedModel& model, const Dataset& data,
                                 const LesionOptions& options, const LesionProgress& progress = {});

// The k random blocks of one trial: `count` distinct indices below `candidates`, drawn by a
// partial Fisher-Yates shuffle driven by std::mt19937_64 (fully specified by the C++
// standard, so a seed names the same blocks on every platform).
std::vector<std::vector<int>> drawLesions(int candidates, int k, int trials, uint64_t seed);

}  // namespace reslens
