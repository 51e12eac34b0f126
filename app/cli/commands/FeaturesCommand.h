#pragma once

// `reslens-cli features`: the feature-map grid of one block's tensor as a PNG (docs/cli.md).

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli/commands/Command.h"
#include "app/cli/common/ModelSource.h"

namespace reslens::cli {

class FeaturesCommand : public Command {
public:
    explicit FeaturesCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    ModelSource source_;
    std::string image_;
    std::string block_;
    std::string tensor_ = "output";
    std::string out_;
    std::string normalize_ = "channel";
    std::string order_ = "index";
    int columns_ = 0;
    int tileSize_ = 24;
};

}  // namespace reslens::cli
