#include "app/cli/ModelSource.h"

#include <torch/torch.h>

#include "app/cli/ResourcePaths.h"
#include "model/DeviceSelection.h"

namespace reslens::cli {

void ModelSource::addModelOption(CLI::App& command, bool required) {
    auto* option = command.add_option(
        "--model", model_,
        "a ResLens model file, or 'default' / 'default-plain' for the shipped models");
    if (required) {
        option->required();
    }
}

void ModelSource::addDeviceOption(CLI::App& command) {
    command.add_option("--device", device_, "cpu, cuda or cuda:N")->capture_default_str();
}

std::string ModelSource::path() const {
    if (model_ == "default") {
        return resourceFile(kDefaultModelPath, "the shipped default model");
    }
    if (model_ == "default-plain") {
        return resourceFile(kDefaultPlainModelPath, "the shipped default-plain model");
    }
    return model_;
}

LoadedModel ModelSource::load() const {
    const c10::Device device = parseDevice(device_);  // refuse a bad device before loading
    LoadedModel model = loadModel(path());
    model.network->to(device);
    return model;
}

}  // namespace reslens::cli
