#pragma once

// `reslens-cli import`: a torchvision ResNet saved from Python (TorchScript, or a
// torch.save'd state_dict) into a ResLens model file (docs/cli.md).

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli/ArchitectureOptions.h"
#include "app/cli/Command.h"

namespace reslens::cli {

class ImportCommand : public Command {
public:
    explicit ImportCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    ArchitectureOptions architecture_;
    std::string input_;
    std::string labels_;
    std::string out_;
    bool json_ = false;
};

}  // namespace reslens::cli
