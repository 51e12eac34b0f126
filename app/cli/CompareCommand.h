#pragma once

// `reslens-cli compare`: the network with and without skips, from the same initialisation,
// on the same batches; per-step CSVs and a summary (CLI.md).

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli/TrainingFlags.h"

namespace reslens::cli {

class CompareCommand {
public:
    explicit CompareCommand(CLI::App& parent);
    bool selected() const { return command_->parsed(); }
    int run(const std::string& commandLine);

private:
    CLI::App* command_;
    TrainingFlags flags_;
    std::string out_;
    bool json_ = false;
};

}  // namespace reslens::cli
