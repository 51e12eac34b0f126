#pragma once

// Owns one registered block hook: the hook is removed when the handle is destroyed or
// remove() is called. Safe to outlive the block (it then does nothing).

#include <memory>

#include "model/tracing/BlockHookList.h"

namespace reslens {

class HookHandle {
public:
    HookHandle() = default;
    HookHandle(std::weak_ptr<BlockHookList> list, BlockHookList::HookId id)
        : list_(std::move(list)), id_(id) {}
    HookHandle(const HookHandle&) = delete;
    HookHandle& operator=(const HookHandle&) = delete;
    HookHandle(HookHandle&& other) noexcept : list_(std::move(other.list_)), id_(other.id_) {
        other.id_ = 0;
    }
    HookHandle& operator=(HookHandle&& other) noexcept {
        if (this != &other) {
            remove();
            list_ = std::move(other.list_);
            id_ = other.id_;
            other.id_ = 0;
        }
        return *this;
    }
    ~HookHandle() { remove(); }

    void remove() {
        if (id_ != 0) {
            if (auto list = list_.lock()) {
                list->remove(id_);
            }
            id_ = 0;
        }
    }

    bool active() const { return id_ != 0 && !list_.expired(); }

private:
    std::weak_ptr<BlockHookList> list_;
    BlockHookList::HookId id_ = 0;
};

}  // namespace reslens
