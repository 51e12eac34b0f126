#pragma once

// C++ torch::nn::Module has no forward hooks (pytorch/pytorch#25888), so each residual
// block owns one of these. Registration returns a handle that removes the hook.

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "model/tracing/BlockTrace.h"

namespace reslens {

using BlockHook = std::function<void(const BlockTrace&)>;

// What a hook reads from its BlockTrace. Keeping F(x) intact costs the block an
// out-of-place addition; a hook that needs only the input and the output (gradient-norm
// taps during training) lets the block add in place, as torchvision does.
enum class TraceScope { Everything, InputAndOutput };

class BlockHookList {
public:
    using HookId = std::uint64_t;

    HookId add(BlockHook hook, TraceScope scope = TraceScope::Everything) {
        const HookId id = nextId_++;
        hooks_.push_back(Entry{id, scope, std::move(hook)});
        return id;
    }

    bool remove(HookId id) {
        for (auto it = hooks_.begin(); it != hooks_.end(); ++it) {
            if (it->id == id) {
                hooks_.erase(it);
                return true;
            }
        }
        return false;
    }

    bool empty() const { return hooks_.empty(); }
    std::size_t size() const { return hooks_.size(); }
    // Whether any hook needs F(x) and the shortcut term as separate tensors.
    bool needsBranch() const {
        for (const Entry& entry : hooks_) {
            if (entry.scope == TraceScope::Everything) {
                return true;
            }
        }
        return false;
    }

    void call(const BlockTrace& trace) const {
        for (const Entry& entry : hooks_) {
            entry.hook(trace);
        }
    }

private:
    struct Entry {
        HookId id;
        TraceScope scope;
        BlockHook hook;
    };
    std::vector<Entry> hooks_;
    HookId nextId_ = 1;
};

}  // namespace reslens
