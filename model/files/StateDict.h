#pragma once

// Parameters and buffers by their torchvision names ("layer1.0.conv1.weight"), and a
// strict copy that names exactly what does not match.

#include <torch/nn/module.h>

#include <map>
#include <string>

namespace reslens {

using TensorMap = std::map<std::string, torch::Tensor>;

// Every parameter and buffer of the module, by dotted name (what state_dict() gives in Python).
TensorMap stateDict(const torch::nn::Module& module);

// Copies every tensor of `source` into the module's parameter or buffer of the same name.
// The key sets must be equal and every shape must match; otherwise throws InputError
// "<sourceName> does not fit <targetName>: missing ...; unexpected ...; <key> has shape ..."
// and leaves the module unchanged.
void loadStateDict(torch::nn::Module& module, const TensorMap& source,
                   const std::string& sourceName, const std::string& targetName);

}  // namespace reslens
