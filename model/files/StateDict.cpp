#include "model/files/StateDict.h"

#include <torch/torch.h>

#include <sstream>
#include <vector>

#include "model/runtime/InputError.h"

namespace reslens {
namespace {

std::string shapeText(const torch::Tensor& t) {
    std::ostringstream out;
    out << t.sizes();
    return out.str();
}

// "a, b, c, d (11 in all)": enough to act on, short enough for one line.
std::string listSome(const std::vector<std::string>& items) {
    constexpr size_t kShown = 4;
    std::string text;
    for (size_t i = 0; i < items.size() && i < kShown; ++i) {
        text += (i ? ", " : "") + items[i];
    }
    if (items.size() > kShown) {
        text += " (" + std::to_string(items.size()) + " in all)";
    }
    return text;
}

}  // namespace

TensorMap stateDict(const torch::nn::Module& module) {
    TensorMap state;
    for (const auto& item : module.named_parameters(/*recurse=*/true)) {
        state.emplace(item.key(), item.value());
    }
    for (const auto& item : module.named_buffers(/*recurse=*/true)) {
        state.emplace(item.key(), item.value());
    }
    return state;
}

void loadStateDict(torch::nn::Module& module, const TensorMap& source,
                   const std::string& sourceName, const std::string& targetName) {
    TensorMap target = stateDict(module);
    std::vector<std::string> missing, unexpected, wrongShape;
    for (const auto& [name, tensor] : target) {
        const auto found = source.find(name);
        if (found == source.end()) {
            missing.push_back(name);
        } else if (!found->second.defined() || found->second.sizes() != tensor.sizes()) {
            wrongShape.push_back(name + " is " +
                                 (found->second.defined() ? shapeText(found->second) : "empty") +
                                 ", expected " + shapeText(tensor));
        } else if (found->second.is_floating_point() != tensor.is_floating_point()) {
            wrongShape.push_back(name + " has element type " +
                                 std::string(c10::toString(found->second.scalar_type())) +
                                 ", expected " + c10::toString(tensor.scalar_type()));
        }
    }
    for (const auto& item : source) {
        if (target.find(item.first) == target.end()) {
            unexpected.push_back(item.first);
        }
    }
    if (!missing.empty() || !unexpected.empty() || !wrongShape.empty()) {
        std::string problems;
        auto add = [&problems](const std::string& label, const std::vector<std::string>& items) {
            if (!items.empty()) {
                problems += (problems.empty() ? "" : "; ") + label + listSome(items);
            }
        };
        add("missing ", missing);
        add("unexpected ", unexpected);
        add("", wrongShape);
        throw InputError(sourceName + " does not fit " + targetName + ": " + problems);
    }
    torch::NoGradGuard noGrad;
    for (auto& [name, tensor] : target) {
        tensor.copy_(source.at(name));
    }
}

}  // namespace reslens
