#pragma once

// The flags shared by `train` and `compare`: data, length, optimiser, schedule,
// augmentation, seed and device; and the network they describe, fitted to the data.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "app/cli/ArchitectureOptions.h"
#include "model/DataSpec.h"
#include "model/Dataset.h"
#include "model/Preprocessing.h"
#include "model/TrainingOptions.h"

namespace reslens::cli {

class TrainingFlags {
public:
    // stepsRequired: compare needs --steps; train takes --steps or --epochs.
    void addTo(CLI::App& command, bool stepsRequired);

    // The architecture with input channels, size and classes taken from the data unless the
    // flags set them (then they must agree). Throws UsageError.
    ResNetConfig networkFor(const Dataset& data) const;
    DataSpec dataSpec() const;  // throws InputError
    // Loads the training split (a folder at the network's input size).
    Dataset loadTrainingData() const;
    // The test split for evaluation after training, if the data has one.
    std::optional<Dataset> loadTestData() const;
    Preprocessing preprocessing(const ResNetConfig& config) const;
    TrainingOptions options(const Preprocessing& preprocessing) const;

    const ArchitectureOptions& architecture() const { return architecture_; }
    const std::string& device() const { return device_; }
    const std::string& data() const { return data_; }
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
