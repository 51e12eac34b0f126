#pragma once

// `reslens-cli lesion`: the lesion study of Veit et al. 2016 on a model (docs/cli.md).

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli/commands/Command.h"
#include "app/cli/common/ModelSource.h"

namespace reslens::cli {

class LesionCommand : public Command {
public:
    explicit LesionCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    ModelSource source_;
    std::string data_;
    std::string blocks_ = "all";
    int random_ = 0;
    int trials_ = 5;
    uint64_t seed_ = 0;
    int64_t samples_ = 0;
    bool json_ = false;
};

}  // namespace reslens::cli
