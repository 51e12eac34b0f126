#pragma once

// What the lesion study (LesionStudy.h) is asked and answers, in plain types: the app's
// widgets show them without LibTorch.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace reslens {

struct LesionOptions {
    std::vector<std::string> blocks;  // the single-block lesions; empty: every block
    int randomK = 0;                  // k = 1..randomK random blocks at once; 0: none
    int trials = 5;                   // draws per k
    uint64_t seed = 0;                // of the draws
    int64_t samples = 0;              // the first N images of the data; 0: all of them
    // 0: the first `samples` images; else `samples` images drawn without replacement by this
    // seed (the lessons' seeds: each measures another sample of the test split).
    uint64_t sampleSeed = 0;
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
    bool cancelled = false;        // stopped by the progress callback: what ran is kept
    int evaluations = 0;           // forward passes over the whole data
    double evaluationSeconds = 0;  // their wall time (throughput: evaluations x samples / s)
};

// After each evaluation: how many are done, of how many, and what ran ("layer2.0",
// "k=3 trial 2"). Return false to stop.
using LesionProgress = std::function<bool(int done, int total, const std::string& what)>;

// A study with what a chart needs to name it: `title`, e.g. "default (resnet20)", and the
// data it ran on, e.g. "fashion-mnist:test".
struct NamedLesionStudy {
    std::string title;
    std::string arch;
    std::string data;
    LesionStudyResult result;
};

}  // namespace reslens
