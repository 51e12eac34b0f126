#pragma once

// `reslens-cli inspect`: the architecture of --arch or of a model file, block by block.

#include <CLI/CLI.hpp>

#include "app/cli/commands/Command.h"
#include "app/cli/common/ArchitectureOptions.h"
#include "app/cli/common/ModelSource.h"

namespace reslens::cli {

class InspectCommand : public Command {
public:
    explicit InspectCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    ArchitectureOptions architecture_;
    ModelSource source_;
    bool json_ = false;
};

}  // namespace reslens::cli
