#pragma once

// The architecture flags of docs/cli.md (--arch, --no-skip, --shortcut, --stride-on, --preact,
// --no-bn, --in-channels, --classes, --input), shared by every subcommand that takes --arch.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "model/network/ResNetConfig.h"

namespace reslens::cli {

class ArchitectureOptions {
public:
    // required: whether --arch must be given.
    void addTo(CLI::App& command, bool required = true);

    bool archGiven() const { return !arch_.empty(); }
    bool inChannelsGiven() const { return inChannels_.has_value(); }
    bool classesGiven() const { return classes_.has_value(); }
    bool inputGiven() const { return !input_.empty(); }
    const std::string& inputText() const { return input_; }
    // The configuration the flags describe. Throws UsageError for impossible options.
    ResNetConfig toConfig() const;

private:
    std::string arch_;
    bool noSkip_ = false;
    std::string shortcut_;
    std::string strideOn_;
    bool preact_ = false;
    bool noBn_ = false;
    std::optional<int> inChannels_;
    std::optional<int> classes_;
    std::string input_;
};

// "224x224" or "224" (square). Throws UsageError.
std::pair<int, int> parseInputSize(const std::string& text);

}  // namespace reslens::cli
