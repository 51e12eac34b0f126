#pragma once

// Writes tensors as safetensors (an 8-byte header length, a JSON header naming each tensor's
// dtype, shape and byte range, then the raw little-endian buffers): the data-only format the
// TorchScript loader process hands its weights back in, read by readSafetensors like any
// file a user brings.

#include <string>
#include <utility>
#include <vector>

namespace at {
class Tensor;
}

namespace reslens {

// In the order given. Throws InputError for a tensor of a dtype safetensors has no name for
// here (complex, quantized).
std::vector<char> safetensorsBytes(const std::vector<std::pair<std::string, at::Tensor>>& tensors);

}  // namespace reslens
