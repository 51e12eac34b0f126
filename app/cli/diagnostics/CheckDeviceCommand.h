#pragma once

// `reslens-cli check-device --device cuda:N`: the engine on that device against the CPU
// (DeviceChecks.h), one line per check and a verdict; exit status 1 when a check fails.
// With --device cpu, float32 against a float64 reference: what a CPU-only machine can check.

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli/commands/Command.h"

namespace reslens::cli {

class CheckDeviceCommand : public Command {
public:
    explicit CheckDeviceCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    std::string device_ = "cuda";
    int pairedSteps_ = 20;
    int seed_ = 0;
    bool json_ = false;
};

}  // namespace reslens::cli
