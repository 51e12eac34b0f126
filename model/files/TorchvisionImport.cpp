#include "model/files/TorchvisionImport.h"

#include <torch/script.h>
#include <torch/serialize.h>
#include <torch/torch.h>

#include "model/files/FileBytes.h"
#include "model/files/PickleCheck.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

bool has(const TensorMap& state, const std::string& key) {
    return state.find(key) != state.end();
}

std::optional<TensorMap> readTorchScript(const std::string& path) {
    torch::jit::Module module;
    try {
        // LibTorch's loader trusts the lengths in the archive and its pickles (an 11 GB
        // buffer for a claimed record, found by fuzzing): checked first.
        requireSoundPickleArchive(readFileBytes(path), "'" + path + "'");
        module = torch::jit::load(path, torch::kCPU);
    } catch (const std::exception&) {
        // c10::Error, and the TorchScript compiler's ErrorReport for a file whose code does
        // not compile (found by fuzzing): either way, not a TorchScript module we can read.
        return std::nullopt;
    }
    TensorMap state;
    for (const auto& item : module.named_parameters(/*recurse=*/true)) {
        state.emplace(item.name, item.value.detach());
    }
    for (const auto& item : module.named_buffers(/*recurse=*/true)) {
        state.emplace(item.name, item.value.detach());
    }
    return state;
}

std::optional<TensorMap> readPickledStateDict(const std::string& path) {
    const std::vector<char> bytes = readFileBytes(path);
    c10::IValue value;
    try {
        requireSoundPickleArchive(bytes, "'" + path + "'");  // before LibTorch reads from memory
        value = torch::pickle_load(bytes);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (!value.isGenericDict()) {
        return std::nullopt;
    }
    TensorMap state;
    for (const auto& entry : value.toGenericDict()) {
        if (!entry.key().isString() || !entry.value().isTensor()) {
            return std::nullopt;
        }
        state.emplace(entry.key().toStringRef(), entry.value().toTensor());
    }
    return state;
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
    requireNonEmptyFile(path);
    if (auto state = readTorchScript(path)) {
        return *state;
    }
    if (auto state = readPickledStateDict(path)) {
        return *state;
    }
    throw InputError("'" + path +
                     "' is neither a TorchScript module nor a dict of tensors saved with "
                     "torch.save (for a torchvision .pth file, run tools/export_torchvision.py "
                     "--weights FILE first)");
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
    const std::string sourceName = "'" + path + "'";
    const TensorMap state = readTorchvisionState(path);
    ImportedNetwork imported;
    ResNetConfig config;
    if (architecture) {
        config = *architecture;
    } else {
        config = detectArchitecture(state, sourceName);
        imported.detected = true;
    }
    imported.network = ResNet(config);
    loadStateDict(*imported.network, state, sourceName, config.arch);
    imported.network->eval();
    return imported;
}

}  // namespace reslens
