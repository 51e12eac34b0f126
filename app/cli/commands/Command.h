#pragma once

// One reslens-cli subcommand: it declares its flags on construction, and run() calls the
// application layer and prints. main.cpp keeps the commands in one table and runs the one
// that was parsed.

#include <CLI/CLI.hpp>
#include <string>

namespace reslens {
class ResourceSource;
}

namespace reslens::cli {

struct CommandContext {
    std::string commandLine;          // for provenance
    const ResourceSource& resources;  // shipped models and label lists (ResourcePaths.h)
};

class Command {
public:
    virtual ~Command() = default;

    bool selected() const { return command_ && command_->parsed(); }
    // The exit code; throws UsageError/InputError (exit 2) or anything else (exit 1).
    virtual int run(const CommandContext& context) = 0;

protected:
    CLI::App* command_ = nullptr;
};

}  // namespace reslens::cli
