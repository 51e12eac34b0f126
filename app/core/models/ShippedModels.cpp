#include "app/core/models/ShippedModels.h"

namespace reslens {

const std::vector<ShippedModel>& shippedModels() {
    static const std::vector<ShippedModel> models = {
        {"default", "models/default.pt", "default-plain", "ResNet-20 trained on Fashion-MNIST"},
        {"default-plain", "models/default-plain.pt", "default",
         "plain-20: ResNet-20 without its skips, the identical recipe"},
        {"deep", "models/deep.pt", "deep-plain", "ResNet-56 trained on Fashion-MNIST"},
        {"deep-plain", "models/deep-plain.pt", "deep",
         "plain-56: ResNet-56 without its skips, the identical recipe"},
    };
    return models;
}

const ShippedModel* findShippedModel(const std::string& name) {
    for (const ShippedModel& model : shippedModels()) {
        if (model.name == name) {
            return &model;
        }
    }
    return nullptr;
}

std::string shippedModelNames() {
    std::string names;
    for (const ShippedModel& model : shippedModels()) {
        names += (names.empty() ? "" : ", ") + model.name;
    }
    return names;
}

}  // namespace reslens
