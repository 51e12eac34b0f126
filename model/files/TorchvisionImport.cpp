#include "model/files/TorchvisionImport.h"

#include <torch/torch.h>

#include "model/checkpoint/CheckpointImport.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

bool has(const TensorMap& state, const std::string& key) {
    return state.find(key) != state.end();
}

// Blocks in stage `stage` (1-based): layerS.0, layerS.1, ... while they exist.
int countBlocks(const TensorMap& state, int stage) {
    int blocks = 0;
    while (has(state,
               "layer" + std::to_string(stage) + "." + std::to_string(blocks) + ".conv1.weight")) {
        ++blocks;
    }
    return blocks;
}

}  // namespace

TensorMap readTorchvisionState(const std::string& path) {
    TensorMap state;
    for (const NamedTensor& named : readFileWeights(path, "").located.weights) {
        state.emplace(named.key, named.tensor);
    }
    return state;
}

ResNetConfig detectArchitecture(const TensorMap& state, const std::string& sourceName) {
    const auto conv1 = state.find("conv1.weight");
    const auto fc = state.find("fc.weight");
    if (conv1 == state.end() || conv1->second.dim() != 4 || !has(state, "layer1.0.conv1.weight")) {
        throw InputError(sourceName +
                         " does not look like a torchvision ResNet (no conv1.weight and "
                         "layer1.0.conv1.weight)");
    }
    std::vector<int> blocksPerStage;
    for (int stage = 1; countBlocks(state, stage) > 0; ++stage) {
        blocksPerStage.push_back(countBlocks(state, stage));
    }
    const bool bottleneck = has(state, "layer1.0.conv3.weight");
    const int layersPerBlock = bottleneck ? 3 : 2;
    int depth = 2;
    for (int blocks : blocksPerStage) {
        depth += layersPerBlock * blocks;
    }
    auto layoutText = [&] {
        std::string text;
        for (int blocks : blocksPerStage) {
            text += (text.empty() ? "" : ",") + std::to_string(blocks);
        }
        return text;
    };
    ResNetConfig config;
    try {
        config = ResNetConfig::fromArchName("resnet" + std::to_string(depth));
    } catch (const ConfigError&) {
        throw InputError(sourceName + ": stages of " + layoutText() + " " +
                         (bottleneck ? "bottleneck" : "basic") +
                         " blocks match no ResNet ResLens knows; give --arch");
    }
    if (config.blocksPerStage != blocksPerStage ||
        (config.block == BlockKind::Bottleneck) != bottleneck) {
        throw InputError(sourceName + ": stages of " + layoutText() + " " +
                         (bottleneck ? "bottleneck" : "basic") + " blocks are not " + config.arch +
                         "'s layout; give --arch");
    }
    config.inChannels = static_cast<int>(conv1->second.size(1));
    // Without a usable fc the strict copy names what is missing; keep the default classes.
    if (fc != state.end() && fc->second.dim() == 2) {
        config.classes = static_cast<int>(fc->second.size(0));
    }
    config.batchNorm = has(state, "bn1.weight");
    if (config.family == Family::Cifar) {
        // Option A has no downsample parameters; B has them wherever the shape changes.
        config.shortcut =
            has(state, "layer2.0.downsample.0.weight") ? ShortcutOption::B : ShortcutOption::A;
    }
    return config;
}

ImportedNetwork importTorchvision(const std::string& path,
                                  const std::optional<ResNetConfig>& architecture) {
    ImportedNetwork imported;
    if (!architecture) {
        imported.network = importCheckpoint(path, {}).network;
        imported.detected = true;
        return imported;
    }
    const std::string sourceName = "'" + path + "'";
    imported.network = ResNet(*architecture);
    loadStateDict(*imported.network, readTorchvisionState(path), sourceName, architecture->arch);
    imported.network->eval();
    return imported;
}

}  // namespace reslens
