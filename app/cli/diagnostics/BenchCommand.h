#pragma once

// `reslens-cli bench`: with --arch, times the untraced forward against the forward with
// statistics probes on every block, interleaved iteration by iteration so both see the same
// machine; with --model and --image, the whole path from an image file to top-5 with
// probes; with --render, feature-grid rendering; with --arch and --train, a training step
// with and without per-block gradient norms; with --import, a TorchScript load in
// reslens-loader against the same load in this process.

#include <c10/core/Device.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/cli/commands/Command.h"
#include "app/cli/common/ArchitectureOptions.h"
#include "app/cli/common/ModelSource.h"

namespace reslens::cli {

class BenchCommand : public Command {
public:
    explicit BenchCommand(CLI::App& parent);
    int run(const CommandContext& context) override;

private:
    int runForward();
    int runPipeline(const ResourceSource& resources);
    int runTraining();
    int runPaired();
    int runDataLoading();
    // The fields every `bench --arch` document starts with.
    nlohmann::json documentHeader(const ResNetConfig& config, const c10::Device& device) const;

    ArchitectureOptions architecture_;
    ModelSource source_;
    std::string image_;
    bool render_ = false;
    bool train_ = false;
    bool paired_ = false;
    bool explorerMemory_ = false;
    std::string data_;
    std::string import_;
    int batch_ = 1;
    int iterations_ = 20;
    int warmup_ = 3;
    int seed_ = 0;
    bool json_ = false;
};

}  // namespace reslens::cli
