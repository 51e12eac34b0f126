#pragma once

// Import of torchvision ResNets saved from Python: a TorchScript module
// (torch.jit.script / torch.jit.trace of torchvision.models.resnetNN) or a plain
// torch.save(model.state_dict()) file. Every parameter and buffer is copied by name
// into the native network after every key and shape is checked.

#include <optional>
#include <string>

#include "model/files/StateDict.h"
#include "model/network/ResNet.h"
#include "model/network/ResNetConfig.h"

namespace reslens {

// The parameters and buffers of the file, by torchvision name. Throws InputError when the
// file is neither a TorchScript module nor a saved dictionary of tensors.
TensorMap readTorchvisionState(const std::string& path);

// The architecture the keys and shapes describe: depth and block kind from the blocks per
// stage, input channels from conv1, classes from fc, batch norm from bn1, shortcut option
// from the downsample keys. Throws InputError when they describe no ResNet ResLens builds.
ResNetConfig detectArchitecture(const TensorMap& state, const std::string& sourceName);

struct ImportedNetwork {
    ResNet network{nullptr};
    bool detected = false;  // the architecture came from the keys, not from the caller
};

// Reads, detects (unless `architecture` is given), builds and copies. The network is on
// the CPU, in eval mode. Throws InputError naming exactly what does not match.
ImportedNetwork importTorchvision(const std::string& path,
                                  const std::optional<ResNetConfig>& architecture);

}  // namespace reslens
