#include "app/core/models/ModelFileKind.h"

#include <algorithm>
#include <cctype>

#include "model/checkpoint/CheckpointFile.h"
#include "model/files/FileBytes.h"
#include "model/files/ModelFile.h"

namespace reslens {

ModelFileKind modelFileKind(const std::string& path) {
    const std::vector<char> bytes = readFileBytes(path);
    switch (sniffCheckpoint(bytes)) {
        case CheckpointFormat::TorchScript:
            return ModelFileKind::TorchScript;
        case CheckpointFormat::TorchSave:
            return isModelFileArchive(bytes) ? ModelFileKind::ResLensModel
                                             : ModelFileKind::Checkpoint;
        case CheckpointFormat::Safetensors:
        case CheckpointFormat::LegacyTorchSave:  // the import says how to convert it
            return ModelFileKind::Checkpoint;
        case CheckpointFormat::Unknown:
            break;
    }
    return ModelFileKind::NotAModel;
}

bool hasModelFileSuffix(const std::string& path) {
    const size_t dot = path.rfind('.');
    if (dot == std::string::npos || path.find('/', dot) != std::string::npos) {
        return false;
    }
    std::string suffix = path.substr(dot + 1);
    std::transform(suffix.begin(), suffix.end(), suffix.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    for (const char* known : {"pt", "pth", "th", "tar", "ckpt", "bin", "ts", "safetensors"}) {
        if (suffix == known) {
            return true;
        }
    }
    return false;
}

}  // namespace reslens
