#pragma once

// What a PyTorch checkpoint holds once read without running anything: the data types that
// torch.load(weights_only=True) accepts (None, bools, ints, floats, strings, tensors, lists,
// tuples and dicts, ordered as written). Shared pointers because a pickle may refer to one
// object from several places (its memo).

#include <torch/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace reslens {

struct CheckpointValue;
using ValuePtr = std::shared_ptr<CheckpointValue>;

struct CheckpointValue {
    enum class Kind { None, Bool, Int, Float, String, Tensor, List, Tuple, Dict, Global };
    Kind kind = Kind::None;
    bool flag = false;
    int64_t integer = 0;
    double real = 0;
    std::string text;  // a string, or a global's "module.name"
    torch::Tensor tensor;
    std::vector<ValuePtr> items;                         // List, Tuple
    std::vector<std::pair<ValuePtr, ValuePtr>> entries;  // Dict, in the order written

    static ValuePtr make(Kind kind) {
        auto value = std::make_shared<CheckpointValue>();
        value->kind = kind;
        return value;
    }
    bool isStringKeyedDict() const;
    // The value of a string key, or nullptr.
    ValuePtr find(const std::string& key) const;
};

// "a dict", "a tensor", ... for messages.
std::string describe(const CheckpointValue& value);

}  // namespace reslens
