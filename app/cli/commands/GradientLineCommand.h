#pragma once

// `reslens-cli gradient-line`: the derivative of the top-1 logit along a line through input
// space, for the model and a fresh network of its architecture (Balduzzi et al. 2017's
// shattered gradients; docs/cli.md).

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli/commands/Command.h"
#include "app/cli/common/ModelSource.h"
#include "app/core/instruments/GradientLineTypes.h"

namespace reslens::cli {

class GradientLineCommand : public Command {
public:
    explicit GradientLineCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    ModelSource source_;
    std::string image_;
    std::string data_;
    std::string direction_ = "random";
    GradientLineOptions options_;
    bool sweep_ = false;
    bool json_ = false;
};

}  // namespace reslens::cli
