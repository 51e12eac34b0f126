#pragma once

// `reslens-cli lessons`: the lessons' names and settings, and with --measure every lesson's
// experiment (or one) over its seeds, through the same code as the app's lessons, written
// as the record docs/lessons/measured.json is (docs/cli.md).

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

#include "app/cli/commands/Command.h"

namespace reslens::cli {

class LessonsCommand : public Command {
public:
    explicit LessonsCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    bool measure_ = false;
    std::string lesson_;
    int seeds_ = 3;
    uint64_t firstSeed_ = 1;
    std::string out_;
    bool json_ = false;
    bool short_ = false;
    int64_t steps_ = 0;  // 0: the lesson's
    int batch_ = 0;      // 0: the lesson's
    std::string device_ = "cpu";
};

}  // namespace reslens::cli
