#pragma once

// `reslens-cli import`: the user's own ResNet (a torch.save checkpoint, safetensors or
// TorchScript), recognised from its structure, into a ResLens model file; `--explain` prints
// where every weight went instead (docs/cli.md).

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli/commands/Command.h"
#include "app/cli/common/ArchitectureOptions.h"

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
    std::string key_;
    std::string stemPoolStride_;
    std::string zeroPad_;
    std::string mean_;
    std::string std_;
    bool explain_ = false;
    bool json_ = false;
    double loadSeconds_ = 60;
};

}  // namespace reslens::cli
