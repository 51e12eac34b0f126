#pragma once

// `reslens-cli bench`: times the untraced forward against the forward with statistics
// probes on every block, interleaved iteration by iteration so both see the same machine.

#include <CLI/CLI.hpp>

#include "app/cli/ArchitectureOptions.h"

namespace reslens::cli {

class BenchCommand {
public:
    explicit BenchCommand(CLI::App& parent);
    bool selected() const { return command_->parsed(); }
    int run();

private:
    CLI::App* command_;
    ArchitectureOptions architecture_;
    int batch_ = 1;
    int iterations_ = 20;
    int warmup_ = 3;
    int seed_ = 0;
    bool json_ = false;
};

}  // namespace reslens::cli
