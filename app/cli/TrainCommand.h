#pragma once

// `reslens-cli train`: one network on one dataset, saved as a ResLens model file whose
// provenance records the command, the data and the test accuracy (CLI.md).

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli/TrainingFlags.h"

namespace reslens::cli {

class TrainCommand {
public:
    explicit TrainCommand(CLI::App& parent);
    bool selected() const { return command_->parsed(); }
    int run(const std::string& commandLine);

private:
    CLI::App* command_;
    TrainingFlags flags_;
    std::string out_;
    std::string log_;
    int64_t checkpointEvery_ = 0;
    bool json_ = false;
};

}  // namespace reslens::cli
