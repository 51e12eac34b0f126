#pragma once

// `reslens-cli probe`: a linear classifier on every block's globally averaged output (Alain &
// Bengio 2016; docs/cli.md).

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

#include "app/cli/commands/Command.h"
#include "app/cli/common/ModelSource.h"

namespace reslens::cli {

class ProbeCommand : public Command {
public:
    explicit ProbeCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    ModelSource source_;
    std::string data_;
    std::string testData_;
    int64_t samples_ = 5000;
    int64_t testSamples_ = 0;
    bool json_ = false;
};

}  // namespace reslens::cli
