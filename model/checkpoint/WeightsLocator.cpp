#include "model/checkpoint/WeightsLocator.h"

#include <torch/torch.h>

#include <algorithm>

#include "model/runtime/InputError.h"

namespace reslens {
namespace {

using Kind = CheckpointValue::Kind;

// Where training scripts put the weights, most specific first.
const char* const kWrapperKeys[] = {"state_dict",     "model_state_dict", "model", "net",
                                    "network",        "module",           "ema",   "model_ema",
                                    "state_dict_ema", "weights"};
const char* const kPrefixes[] = {"module.", "_orig_mod.", "model."};

struct Candidate {
    std::string path;
    const CheckpointValue* dict;
    int64_t numbers;
};

// A dict with string keys whose values are all tensors (at least one).
bool isTensorDict(const CheckpointValue& value) {
    if (!value.isStringKeyedDict() || value.entries.empty()) {
        return false;
    }
    return std::all_of(value.entries.begin(), value.entries.end(),
                       [](const auto& entry) { return entry.second->kind == Kind::Tensor; });
}

// Depth-bounded: a pickle can make a dict hold itself.
void collect(const CheckpointValue& value, const std::string& path, int depth,
             std::vector<Candidate>& found) {
    if (depth > 4) {
        return;
    }
    if (isTensorDict(value)) {
        int64_t numbers = 0;
        for (const auto& entry : value.entries) {
            numbers += entry.second->tensor.numel();
        }
        found.push_back({path, &value, numbers});
        return;
    }
    if (value.isStringKeyedDict()) {
        for (const auto& entry : value.entries) {
            collect(*entry.second,
                    path.empty() ? entry.first->text : path + "." + entry.first->text, depth + 1,
                    found);
        }
    }
}

int wrapperRank(const std::string& path) {
    const std::string last =
        path.substr(path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1);
    int rank = 0;
    for (const char* key : kWrapperKeys) {
        if (last == key) {
            return rank;
        }
        ++rank;
    }
    return rank;
}

std::string stripCommonPrefix(OrderedWeights& weights) {
    std::string stripped;
    for (bool again = true; again;) {
        again = false;
        for (const char* prefix : kPrefixes) {
            const std::string p = prefix;
            const bool all = std::all_of(weights.begin(), weights.end(), [&](const NamedTensor& w) {
                return w.key.size() > p.size() && w.key.compare(0, p.size(), p) == 0;
            });
            if (all) {
                for (auto& w : weights) {
                    w.key = w.key.substr(p.size());
                }
                stripped += p;
                again = true;
            }
        }
    }
    return stripped;
}

}  // namespace

LocatedWeights locateWeights(const ValuePtr& root, const std::string& key,
                             const std::string& sourceName) {
    std::vector<Candidate> found;
    collect(*root, "", 0, found);
    if (found.empty()) {
        throw InputError(sourceName + " holds " + describe(*root) +
                         " with no dict of tensors in it: no weights to import");
    }
    LocatedWeights located;
    for (const auto& candidate : found) {
        located.candidates.push_back(candidate.path.empty() ? "(the file itself)" : candidate.path);
    }
    const Candidate* chosen = nullptr;
    if (!key.empty()) {
        for (const auto& candidate : found) {
            if (candidate.path == key) {
                chosen = &candidate;
            }
        }
        if (!chosen) {
            std::string names;
            for (const auto& name : located.candidates) {
                names += (names.empty() ? "" : ", ") + name;
            }
            throw InputError(sourceName + " has no dict of tensors at '" + key +
                             "' (it has: " + names + ")");
        }
    } else {
        chosen = &*std::min_element(
            found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
                const int ra = wrapperRank(a.path), rb = wrapperRank(b.path);
                return ra != rb ? ra < rb : a.numbers > b.numbers;
            });
    }
    located.path = chosen->path;
    for (const auto& entry : chosen->dict->entries) {
        torch::Tensor tensor = entry.second->tensor;
        if (tensor.is_floating_point() && tensor.scalar_type() != torch::kFloat32) {
            tensor = tensor.to(torch::kFloat32);
        }
        located.weights.push_back({entry.first->text, tensor.contiguous()});
    }
    located.strippedPrefix = stripCommonPrefix(located.weights);
    return located;
}

}  // namespace reslens
