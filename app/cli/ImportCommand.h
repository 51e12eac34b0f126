#pragma once

// `reslens-cli import`: a torchvision ResNet saved from Python (TorchScript, or a
// torch.save'd state_dict) into a ResLens model file (CLI.md).

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli/ArchitectureOptions.h"

namespace reslens::cli {

class ImportCommand {
public:
    explicit ImportCommand(CLI::App& parent);
    bool selected() const { return command_->parsed(); }
    // commandLine goes into the file's provenance.
    int run(const std::string& commandLine);

private:
    CLI::App* command_;
    ArchitectureOptions architecture_;
    std::string input_;
    std::string labels_;
    std::string out_;
    bool json_ = false;
};

}  // namespace reslens::cli
