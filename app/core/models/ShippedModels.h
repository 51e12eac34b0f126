#pragma once

// The models that ship with ResLens, by the names `--model` and the app's model menu use.
// One table: the CLI, the app and the tests all read it.

#include <optional>
#include <string>
#include <vector>

namespace reslens {

struct ShippedModel {
    std::string name;          // "default"
    std::string resourcePath;  // "models/default.pt", for a ResourceSource
    std::string twin;          // the same recipe with the other setting of skips
    std::string description;   // one line for menus and --help
};

const std::vector<ShippedModel>& shippedModels();
const ShippedModel* findShippedModel(const std::string& name);
// "default, default-plain": for messages and help texts.
std::string shippedModelNames();

}  // namespace reslens
