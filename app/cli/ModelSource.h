#pragma once

// `--model FILE|NAME` and `--device cpu|cuda[:N]`, shared by the subcommands that run a
// model: a shipped model's name or a model file, opened by the application layer's catalog.

#include <CLI/CLI.hpp>

#include <string>

#include "app/core/ModelRequest.h"
#include "app/core/ResourceSource.h"
#include "model/files/ModelFile.h"

namespace reslens::cli {

class ModelSource {
public:
    void addModelOption(CLI::App& command, bool required = true);
    void addDeviceOption(CLI::App& command);

    bool given() const { return !model_.empty(); }
    const std::string& modelName() const { return model_; }
    const std::string& deviceName() const { return device_; }
    // A shipped model when --model names one, else the file.
    ModelRequest request() const;
    // Checks the device, then loads the model onto it, in eval mode. Throws InputError.
    LoadedModel load(const ResourceSource& resources) const;

private:
    std::string model_;
    std::string device_ = "cpu";
};

}  // namespace reslens::cli
