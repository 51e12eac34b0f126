#pragma once

// `reslens-cli classify`: predictions and per-block statistics for each image, or for every
// Nth frame of a video (docs/cli.md).

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "app/cli/commands/Command.h"
#include "app/cli/common/ModelSource.h"

namespace reslens {
class ExplorerSession;
struct OpenedModel;
}  // namespace reslens

namespace reslens::cli {

class ClassifyCommand : public Command {
public:
    explicit ClassifyCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    int runVideo(ExplorerSession& session, const OpenedModel& model);

    ModelSource source_;
    std::vector<std::string> images_;
    std::string video_;
    int every_ = 1;
    int top_ = 5;
    bool json_ = false;
    std::vector<std::string> bypass_;
};

}  // namespace reslens::cli
