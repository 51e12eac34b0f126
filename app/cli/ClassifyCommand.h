#pragma once

// `reslens-cli classify`: predictions and per-block statistics for each image (CLI.md).

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "app/cli/ModelSource.h"

namespace reslens::cli {

class ClassifyCommand {
public:
    explicit ClassifyCommand(CLI::App& parent);
    bool selected() const { return command_->parsed(); }
    int run();

private:
    CLI::App* command_;
    ModelSource source_;
    std::vector<std::string> images_;
    int top_ = 5;
    bool json_ = false;
};

}  // namespace reslens::cli
