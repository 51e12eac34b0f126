#include "model/checkpoint/CheckpointValue.h"

namespace reslens {

bool CheckpointValue::isStringKeyedDict() const {
    if (kind != Kind::Dict) {
        return false;
    }
    for (const auto& entry : entries) {
        if (entry.first->kind != Kind::String) {
            return false;
        }
    }
    return true;
}

ValuePtr CheckpointValue::find(const std::string& key) const {
    for (const auto& entry : entries) {
        if (entry.first->kind == Kind::String && entry.first->text == key) {
            return entry.second;
        }
    }
    return nullptr;
}

std::string describe(const CheckpointValue& value) {
    switch (value.kind) {
        case CheckpointValue::Kind::None:
            return "None";
        case CheckpointValue::Kind::Bool:
            return "a bool";
        case CheckpointValue::Kind::Int:
            return "an int";
        case CheckpointValue::Kind::Float:
            return "a float";
        case CheckpointValue::Kind::String:
            return "a string";
        case CheckpointValue::Kind::Tensor:
            return "a tensor";
        case CheckpointValue::Kind::List:
            return "a list";
        case CheckpointValue::Kind::Tuple:
            return "a tuple";
        case CheckpointValue::Kind::Dict:
            return "a dict";
        case CheckpointValue::Kind::Global:
            return "'" + value.text + "'";
    }
    return "a value";
}

}  // namespace reslens
