#pragma once

// Finds the state dict inside what people save: the dict itself, or a checkpoint that wraps
// it ({"state_dict": ..., "epoch": ...}, {"net": ..., "acc": ...}, "model", "ema", ...),
// and strips the prefixes that wrappers add to every key ("module." from DataParallel and
// DistributedDataParallel, "model.", "_orig_mod." from torch.compile).

#include <string>
#include <vector>

#include "model/checkpoint/CheckpointValue.h"

namespace reslens {

struct NamedTensor {
    std::string key;
    torch::Tensor tensor;
};
// In the order the file holds them: module registration order for torch.save and
// TorchScript, the header's order for safetensors.
using OrderedWeights = std::vector<NamedTensor>;

struct LocatedWeights {
    OrderedWeights weights;               // floating tensors as float32, prefixes stripped
    std::string path;                     // where they were: "" (the file itself), "state_dict"
    std::vector<std::string> candidates;  // every dict of tensors found, by path
    std::string strippedPrefix;           // "module.", "" when none
};

// `key` chooses among several candidates by path ("ema", "model.state_dict"); empty takes
// the usual wrappers' state dict first, else the largest. Throws InputError when the file
// holds no dict of tensors, or `key` names none.
LocatedWeights locateWeights(const ValuePtr& root, const std::string& key,
                             const std::string& sourceName);

}  // namespace reslens
