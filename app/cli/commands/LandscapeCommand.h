#pragma once

// `reslens-cli landscape`: loss-landscape slices of a model (Li et al. 2018; docs/cli.md).

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli/commands/Command.h"
#include "app/cli/common/ModelSource.h"
#include "app/core/studies/LandscapeTypes.h"

namespace reslens::cli {

class LandscapeCommand : public Command {
public:
    explicit LandscapeCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    ModelSource source_;
    std::string data_ = "fashion-mnist:train";
    std::string out_;
    std::string directions_;
    LandscapeOptions options_;
    bool json_ = false;
};

}  // namespace reslens::cli
