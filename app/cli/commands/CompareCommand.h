#pragma once

// `reslens-cli compare`: the network with and without skips, from the same initialisation,
// on the same batches; per-step CSVs and a summary (docs/cli.md).

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli/commands/Command.h"
#include "app/cli/common/TrainingFlags.h"

namespace reslens::cli {

class CompareCommand : public Command {
public:
    explicit CompareCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    TrainingFlags flags_;
    std::string out_;
    bool json_ = false;
};

}  // namespace reslens::cli
