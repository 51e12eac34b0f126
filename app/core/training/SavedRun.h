#pragma once

// A training-lab run as it is kept on disk (SavedRunFile) or read back from a
// `reslens-cli compare --out` folder (CompareFolder): the recipe that made it, and for each
// network every step's loss, accuracy, learning rate and per-block gradient norms, how it
// ended and, optionally, its trained weights. Plain values: the lab redraws its charts from
// them as they were when the run was saved.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/network/ResNetConfig.h"
#include "model/training/RunStatus.h"
#include "model/training/StepReport.h"

namespace reslens {

struct SavedRecipe {
    ResNetConfig architecture;
    std::string data = "fashion-mnist";  // "fashion-mnist", "cifar10" or "folder"
    std::string directory;               // for cifar10 and folder
    int64_t steps = 0;
    int batch = 0;
    double learningRate = 0;
    uint64_t seed = 0;
    bool batchNorm = true;
    bool compare = true;  // trained beside its plain twin
    int64_t subset = 0;   // only the first N training images (0: all)
    std::string device = "cpu";
};

struct SavedTrack {
    std::string arch;                 // e.g. "resnet56", "plain56"
    std::optional<RunStatus> status;  // none: saved while it ran (never by the lab)
    std::string message;              // why it diverged
    std::vector<StepReport> steps;    // in step order; outputGradientNorms may be empty
    std::vector<char> weights;        // a ResLens model file, or empty
};

struct SavedRun {
    std::string source;   // "ResLens training lab", "reslens-cli compare"
    std::string savedAt;  // ISO 8601, UTC
    SavedRecipe recipe;
    std::string dataDescription;      // e.g. "fashion-mnist:train (60000 images)"
    std::vector<std::string> blocks;  // block names, in depth order
    std::vector<SavedTrack> runs;     // one, or the network and its plain twin
};

}  // namespace reslens
