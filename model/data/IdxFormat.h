#pragma once

// The IDX format of MNIST and Fashion-MNIST: two zero bytes, a type byte (0x08: unsigned
// bytes), the number of dimensions, one big-endian 32-bit size per dimension, then the data.

#include <torch/types.h>

#include <string>
#include <vector>

namespace reslens {

// A uint8 tensor of the stored shape. Throws InputError for a bad magic number, an
// unsupported type, or a length that disagrees with the header.
torch::Tensor parseIdx(const std::vector<char>& bytes, const std::string& sourceName);

}  // namespace reslens
