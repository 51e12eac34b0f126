#pragma once

// A user's own ResNet, from the file they have: a torch.save checkpoint (a state dict, an
// OrderedDict, or a training checkpoint wrapping one), safetensors, or TorchScript. The
// weights are found, recognised from their structure (ResNetRecognizer.h) and copied into
// ResLens's native network, so that every feature works on it as on the shipped models.

#include <string>
#include <vector>

#include "model/checkpoint/CheckpointFile.h"
#include "model/checkpoint/ResNetRecognizer.h"
#include "model/checkpoint/TorchScriptGraph.h"
#include "model/checkpoint/TorchScriptLoader.h"
#include "model/checkpoint/WeightsLocator.h"
#include "model/network/ResNet.h"

namespace reslens {

struct ImportOptions {
    std::string key;  // which dict of tensors, when a checkpoint holds several
    RecognitionOptions recognition;
    TorchScriptLoadLimits loading;  // TorchScript only
};

// The weights of a file, prefixes stripped, in the file's order. TorchScript is loaded with
// LibTorch in the loader process (TorchScriptLoader.h), which runs the file's __setstate__
// code there: the front ends warn before. Throws InputError.
struct FileWeights {
    CheckpointFormat format = CheckpointFormat::Unknown;
    LocatedWeights located;
    GraphFacts graph;     // TorchScript only
    std::string printed;  // TorchScript only: what the file's code printed while loading
};
FileWeights readFileWeights(const std::string& path, const std::string& key,
                            const TorchScriptLoadLimits& limits = {});

struct CheckpointImport {
    ResNet network{nullptr};  // on the CPU, in eval mode
    RecognizedNetwork recognized;
    CheckpointFormat format = CheckpointFormat::Unknown;
    std::string weightsPath;              // where in the file the weights were
    std::vector<std::string> candidates;  // every dict of tensors the file holds
    std::string strippedPrefix;
    std::string printed;  // TorchScript only: what the file's code printed while loading
};

// Throws InputError naming what could not be read or placed.
CheckpointImport importCheckpoint(const std::string& path, const ImportOptions& options);

}  // namespace reslens
