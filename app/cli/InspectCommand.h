#pragma once

// `reslens-cli inspect`: the architecture, block by block (CLI.md).

#include <CLI/CLI.hpp>

#include "app/cli/ArchitectureOptions.h"

namespace reslens::cli {

class InspectCommand {
public:
    explicit InspectCommand(CLI::App& parent);
    bool selected() const { return command_->parsed(); }
    int run();

private:
    CLI::App* command_;
    ArchitectureOptions architecture_;
    bool json_ = false;
};

}  // namespace reslens::cli
