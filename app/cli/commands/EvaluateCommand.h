#pragma once

// `reslens-cli evaluate`: a model's accuracy and loss on a dataset split (docs/cli.md).

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli/commands/Command.h"
#include "app/cli/common/ModelSource.h"

namespace reslens::cli {

class EvaluateCommand : public Command {
public:
    explicit EvaluateCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    ModelSource source_;
    std::string data_;
    bool json_ = false;
};

}  // namespace reslens::cli
