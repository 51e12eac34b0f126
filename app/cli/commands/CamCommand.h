#pragma once

// `reslens-cli cam`: Grad-CAM of one image at the stem or any block (docs/cli.md).

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

#include "app/cli/commands/Command.h"
#include "app/cli/common/ModelSource.h"

namespace reslens::cli {

class CamCommand : public Command {
public:
    explicit CamCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    ModelSource source_;
    std::string image_;
    std::string block_;
    int64_t classIndex_ = -1;
    std::string out_;
    bool json_ = false;
};

}  // namespace reslens::cli
