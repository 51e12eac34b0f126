#pragma once

// A pickle reader that only builds data, the C++ counterpart of
// torch.load(weights_only=True): dicts (OrderedDict included), lists, tuples, numbers,
// strings, None, and tensors rebuilt from their storages (torch._utils._rebuild_tensor_v2,
// _rebuild_parameter). Any other global a pickle names (a class, a function) is refused
// with one line naming it: nothing a file says is ever called. Every length and index is
// checked against the bytes that are there before anything is allocated.

#include <torch/types.h>

#include <cstddef>
#include <functional>
#include <string>

#include "model/checkpoint/CheckpointValue.h"

namespace reslens {

// The storage a tensor's persistent id names ("data/<key>" in a torch.save archive), as a
// one-dimensional tensor of `type` with `numel` elements. Throws InputError when the file
// has no such record or it is too short.
using StorageLoader =
    std::function<torch::Tensor(const std::string& key, torch::ScalarType type, int64_t numel)>;

// Throws InputError("<sourceName>: ...") for a damaged stream, a refused global, or a
// tensor that reaches past its storage.
ValuePtr readDataOnlyPickle(const char* data, size_t size, const StorageLoader& storages,
                            const std::string& sourceName);

}  // namespace reslens
