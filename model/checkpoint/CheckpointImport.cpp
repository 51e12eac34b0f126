#include "model/checkpoint/CheckpointImport.h"

#include <torch/torch.h>

#include "model/checkpoint/TorchScriptLoader.h"
#include "model/files/FileBytes.h"
#include "model/runtime/InputError.h"

namespace reslens {

FileWeights readFileWeights(const std::string& path, const std::string& key,
                            const TorchScriptLoadLimits& limits) {
    const std::string sourceName = "'" + path + "'";
    std::vector<char> bytes = readFileBytes(path);
    FileWeights result;
    result.format = sniffCheckpoint(bytes);
    ValuePtr root;
    switch (result.format) {
        case CheckpointFormat::TorchSave:
            root = readTorchSaveArchive(bytes, sourceName);
            break;
        case CheckpointFormat::Safetensors:
            root = readSafetensors(bytes, sourceName);
            break;
        case CheckpointFormat::TorchScript: {
            TorchScriptWeights loaded =
                loadTorchScriptIsolated(path, std::move(bytes), sourceName, limits);
            root = loaded.weights;
            result.graph = std::move(loaded.graph);
            result.printed = std::move(loaded.printed);
            break;
        }
        case CheckpointFormat::LegacyTorchSave:
            throw InputError(sourceName +
                             " was saved in torch.save's format of before PyTorch 1.6; "
                             "load it in PyTorch and save it again with torch.save");
        case CheckpointFormat::Unknown:
            throw InputError(sourceName +
                             " is neither a PyTorch checkpoint (torch.save), a "
                             "safetensors file nor a TorchScript module");
    }
    result.located = locateWeights(root, key, sourceName);
    return result;
}

CheckpointImport importCheckpoint(const std::string& path, const ImportOptions& options) {
    const FileWeights file = readFileWeights(path, options.key, options.loading);
    RecognitionOptions recognition = options.recognition;
    recognition.keysSortedByName = file.format == CheckpointFormat::Safetensors;
    // A TorchScript graph says what a state dict cannot; a flag the user gave still wins.
    if (!recognition.stemPoolStride && file.graph.stemPoolStride) {
        recognition.stemPoolStride = file.graph.stemPoolStride;
        recognition.stemPoolFromGraph = true;
    }
    // The graph names modules as the file does; the weights lost their wrappers' prefix.
    const std::string& prefix = file.located.strippedPrefix;
    for (const auto& [path, end] : file.graph.ends) {
        if (path.compare(0, prefix.size(), prefix) == 0) {
            recognition.blockEnds[path.substr(prefix.size())] = end;
        }
    }
    if (!recognition.zeroPad && file.graph.zeroPad) {
        recognition.zeroPad = file.graph.zeroPad;
        recognition.zeroPadFromGraph = true;
    }
    CheckpointImport imported;
    imported.format = file.format;
    imported.weightsPath = file.located.path;
    imported.candidates = file.located.candidates;
    imported.strippedPrefix = file.located.strippedPrefix;
    imported.printed = file.printed;
    imported.recognized = recognizeResNet(file.located.weights, recognition, "'" + path + "'");
    imported.network = ResNet(imported.recognized.config);
    loadStateDict(*imported.network, imported.recognized.weights, "'" + path + "'",
                  imported.recognized.config.arch);
    imported.network->eval();
    return imported;
}

}  // namespace reslens
