#pragma once

// `--model FILE|default` and `--device cpu|cuda[:N]`, shared by the subcommands that run a
// model: loads the file (or the one shipped in resources/) and moves it to the device.

#include <CLI/CLI.hpp>

#include <string>

#include "model/ModelFile.h"

namespace reslens::cli {

class ModelSource {
public:
    void addModelOption(CLI::App& command, bool required = true);
    void addDeviceOption(CLI::App& command);

    bool given() const { return !model_.empty(); }
    const std::string& modelName() const { return model_; }
    const std::string& deviceName() const { return device_; }
    // The path `--model` names ("default" resolved). Throws InputError.
    std::string path() const;
    // Loads the model onto the device, in eval mode. Throws InputError.
    LoadedModel load() const;

private:
    std::string model_;
    std::string device_ = "cpu";
};

// The shipped default model's path under resources/: ResNet-20 on Fashion-MNIST.
inline constexpr const char* kDefaultModelPath = "models/default.pt";
// Its plain twin, trained with the identical recipe.
inline constexpr const char* kDefaultPlainModelPath = "models/default-plain.pt";

}  // namespace reslens::cli
