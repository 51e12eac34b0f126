#pragma once

// `reslens-cli evaluate`: a model's accuracy and loss on a dataset split (CLI.md).

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli/ModelSource.h"

namespace reslens::cli {

class EvaluateCommand {
public:
    explicit EvaluateCommand(CLI::App& parent);
    bool selected() const { return command_->parsed(); }
    int run();

private:
    CLI::App* command_;
    ModelSource source_;
    std::string data_;
    bool json_ = false;
};

}  // namespace reslens::cli
