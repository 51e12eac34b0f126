#pragma once

// What a file handed to the app (dropped, opened) is, from its bytes, so that one gesture
// opens a ResLens model file, imports a user's checkpoint or TorchScript file (TorchScript
// after its trust warning), or says why neither.

#include <string>

namespace reslens {

enum class ModelFileKind { ResLensModel, Checkpoint, TorchScript, NotAModel };

// Reads the file. Throws InputError for an unreadable or empty one.
ModelFileKind modelFileKind(const std::string& path);

// The file names a model or checkpoint usually has (.pt .pth .th .tar .ckpt .bin .ts
// .safetensors): what a drop on the window is taken as before reading it.
bool hasModelFileSuffix(const std::string& path);

}  // namespace reslens
