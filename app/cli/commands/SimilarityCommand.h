#pragma once

// `reslens-cli similarity`: linear CKA between every pair of block outputs (Kornblith et al.
// 2019; docs/cli.md).

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

#include "app/cli/commands/Command.h"
#include "app/cli/common/ModelSource.h"

namespace reslens::cli {

class SimilarityCommand : public Command {
public:
    explicit SimilarityCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    ModelSource source_;
    std::string data_;
    int64_t samples_ = 500;
    bool json_ = false;
};

}  // namespace reslens::cli
