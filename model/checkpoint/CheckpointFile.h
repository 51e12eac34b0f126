#pragma once

// Reads the weights files PyTorch users have, without running anything they contain:
// torch.save archives of PyTorch 1.6 and later (1.x and 2.x layouts: 2.x adds byteorder,
// .data/serialization_id, .format_version, .storage_alignment and 64-byte aligned storages)
// through the data-only PickleReader, and safetensors files (a JSON header, then raw
// buffers, every offset checked against the file). TorchScript archives are recognised and
// left to the TorchScript loader.

#include <string>
#include <vector>

#include "model/checkpoint/CheckpointValue.h"

namespace reslens {

enum class CheckpointFormat { TorchSave, Safetensors, TorchScript, LegacyTorchSave, Unknown };

// What the first bytes (and, for zip archives, the record names) say the file is.
CheckpointFormat sniffCheckpoint(const std::vector<char>& bytes);

// The object a torch.save archive holds. Throws InputError naming what is wrong.
ValuePtr readTorchSaveArchive(const std::vector<char>& bytes, const std::string& sourceName);

// A dict of name -> tensor in the header's order. Throws InputError naming what is wrong.
ValuePtr readSafetensors(const std::vector<char>& bytes, const std::string& sourceName);

std::string toString(CheckpointFormat format);

}  // namespace reslens
