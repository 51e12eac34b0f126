#pragma once

// The flags shared by `train` and `compare`: architecture, data, length, optimiser,
// schedule, augmentation, seed and device, as the application layer's TrainingRecipe.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "app/cli/common/ArchitectureOptions.h"
#include "app/core/training/TrainingRecipe.h"

namespace reslens::cli {

class TrainingFlags {
public:
    // stepsRequired: compare needs --steps; train takes --steps or --epochs.
    void addTo(CLI::App& command, bool stepsRequired);

    // The recipe the flags describe; `source` and `commandLine` go into provenance.
    // Throws UsageError or InputError for impossible values.
    TrainingRecipe recipe(const std::string& source, const std::string& commandLine) const;
    uint64_t seed() const { return seed_; }

private:
    ArchitectureOptions architecture_;
    std::string data_;
    int64_t steps_ = 0;
    double epochs_ = 0;
    int batch_ = 128;
    double lr_ = 0.1;
    double momentum_ = 0.9;
    double weightDecay_ = 1e-4;
    std::string schedule_ = "step";
    int64_t warmup_ = 0;
    std::optional<int> cropPadding_;
    bool noAugment_ = false;
    bool noFlip_ = false;
    uint64_t seed_ = 0;
    std::string device_ = "cpu";
};

}  // namespace reslens::cli
