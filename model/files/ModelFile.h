#pragma once

// ResLens model files: one .pt archive in PyTorch's zip format holding a dictionary
//   {"format": "reslens-model", "metadata": <JSON text>, "state_dict": {name: tensor}}
// with the weights under torchvision's names. Python reads it with torch.load(), and
// torchvision's resnetNN.load_state_dict(d["state_dict"]) takes the weights as they are.

#include <string>
#include <vector>

#include "model/files/ModelMetadata.h"
#include "model/network/ResNet.h"

namespace reslens {

struct LoadedModel {
    ResNet network{nullptr};
    ModelMetadata metadata;
    // An imported TorchScript file's code can print while it loads (in reslens-loader); what
    // it printed, for the front end to show as the file's, not ResLens's.
    std::string printedWhileLoading;
};

std::vector<char> serializeModel(const ResNetImpl& network, const ModelMetadata& metadata);
// Atomic: an interrupted save leaves the previous file as it was. Throws std::runtime_error.
void saveModel(const std::string& path, const ResNetImpl& network, const ModelMetadata& metadata);

// The network is built from the metadata's architecture on the CPU, in eval mode.
// Throws InputError naming what is wrong with the file.
LoadedModel loadModel(const std::string& path);
// Whether the bytes are a ResLens model file's archive (its pickle carries the format tag),
// without reading the weights: to tell it from a checkpoint to import.
bool isModelFileArchive(const std::vector<char>& bytes);
LoadedModel loadModelFromBuffer(const std::vector<char>& bytes, const std::string& sourceName);

}  // namespace reslens
