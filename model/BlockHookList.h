#pragma once

// C++ torch::nn::Module has no forward hooks (pytorch/pytorch#25888), so each residual
// block owns one of these. Registration returns a handle that removes the hook.

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "model/BlockTrace.h"

namespace reslens {

using BlockHook = std::function<void(const BlockTrace&)>;

class BlockHookList {
public:
    using HookId = std::uint64_t;

    HookId add(BlockHook hook) {
        const HookId id = nextId_++;
        hooks_.emplace_back(id, std::move(hook));
        return id;
    }

    bool remove(HookId id) {
        for (auto it = hooks_.begin(); it != hooks_.end(); ++it) {
            if (it->first == id) {
                hooks_.erase(it);
                return true;
            }
        }
        return false;
    }

    bool empty() const { return hooks_.empty(); }
    std::size_t size() const { return hooks_.size(); }

    void call(const BlockTrace& trace) const {
        for (const auto& entry : hooks_) {
            entry.second(trace);
        }
    }

private:
    std::vector<std::pair<HookId, BlockHook>> hooks_;
    HookId nextId_ = 1;
};

}  // namespace reslens
