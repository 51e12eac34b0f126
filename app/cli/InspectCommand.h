#pragma once

// `reslens-cli inspect`: the architecture of --arch or of a model file, block by block.

#include <CLI/CLI.hpp>

#include "app/cli/ArchitectureOptions.h"
#include "app/cli/ModelSource.h"

namespace reslens::cli {

class InspectCommand {
public:
    explicit InspectCommand(CLI::App& parent);
    bool selected() const { return command_->parsed(); }
    int run();

private:
    CLI::App* command_;
    ArchitectureOptions architecture_;
    ModelSource source_;
    bool json_ = false;
};

}  // namespace reslens::cli
