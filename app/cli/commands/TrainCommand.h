#pragma once

// `reslens-cli train`: one network on one dataset, saved as a ResLens model file whose
// provenance records the command, the data and the test accuracy (docs/cli.md).

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli/commands/Command.h"
#include "app/cli/common/TrainingFlags.h"

namespace reslens::cli {

class TrainCommand : public Command {
public:
    explicit TrainCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    TrainingFlags flags_;
    std::string out_;
    std::string log_;
    int64_t checkpointEvery_ = 0;
    bool json_ = false;
};

}  // namespace reslens::cli
