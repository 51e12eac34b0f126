#include "app/cli/common/ModelSource.h"

#include <torch/torch.h>

#include "app/core/models/ModelCatalog.h"
#include "app/core/models/ShippedModels.h"
#include "model/runtime/DeviceSelection.h"

namespace reslens::cli {

void ModelSource::addModelOption(CLI::App& command, bool required) {
    auto* option = command.add_option(
        "--model", model_, "a ResLens model file, or a shipped model: " + shippedModelNames());
    if (required) {
        option->required();
    }
}

void ModelSource::addDeviceOption(CLI::App& command) {
    command.add_option("--device", device_, "cpu, cuda or cuda:N")->capture_default_str();
}

void ModelSource::addFramingOption(CLI::App& command) {
    command.add_flag("--whole-image", wholeImage_,
                     "take the whole frame (resize, center-crop) even where the model's "
                     "preparation crops a photo to its object");
}

ModelRequest ModelSource::request() const {
    return findShippedModel(model_) ? ModelRequest::shipped(model_) : ModelRequest::file(model_);
}

LoadedModel ModelSource::load(const ResourceSource& resources) const {
    const c10::Device device = parseDevice(device_);  // refuse a bad device before loading
    LoadedModel model = ModelCatalog(resources).open(request());
    model.network->to(device);
    return model;
}

}  // namespace reslens::cli
