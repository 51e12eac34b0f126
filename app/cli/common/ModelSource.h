#pragma once

// `--model FILE|NAME`, `--device cpu|cuda[:N]` and `--whole-image`, shared by the
// subcommands that run a model: a shipped model's name or a model file, opened by the
// application layer's catalog.

#include <CLI/CLI.hpp>

#include <string>

#include "app/core/models/ModelRequest.h"
#include "app/core/models/ResourceSource.h"
#include "model/files/ModelFile.h"

namespace reslens::cli {

class ModelSource {
public:
    void addModelOption(CLI::App& command, bool required = true);
    void addDeviceOption(CLI::App& command);
    // --whole-image: the app's "crop to object" toggle turned off.
    void addFramingOption(CLI::App& command);

    bool given() const { return !model_.empty(); }
    const std::string& modelName() const { return model_; }
    const std::string& deviceName() const { return device_; }
    bool cropToObject() const { return !wholeImage_; }
    // A shipped model when --model names one, else the file.
    ModelRequest request() const;
    // Checks the device, then loads the model onto it, in eval mode. Throws InputError.
    LoadedModel load(const ResourceSource& resources) const;

private:
    std::string model_;
    std::string device_ = "cpu";
    bool wholeImage_ = false;
};

}  // namespace reslens::cli
