#pragma once

// `reslens-cli classify`: predictions and per-block statistics for each image (docs/cli.md).

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "app/cli/commands/Command.h"
#include "app/cli/common/ModelSource.h"

namespace reslens::cli {

class ClassifyCommand : public Command {
public:
    explicit ClassifyCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    ModelSource source_;
    std::vector<std::string> images_;
    int top_ = 5;
    bool json_ = false;
    std::vector<std::string> bypass_;
};

}  // namespace reslens::cli
