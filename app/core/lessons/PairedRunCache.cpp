#include "app/core/lessons/PairedRunCache.h"

namespace reslens {

PairedRunCache& PairedRunCache::shared() {
    static PairedRunCache cache;
    return cache;
}

std::optional<std::vector<PairedRunResult>> PairedRunCache::find(const std::string& key) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [k, results] : entries_) {
        if (k == key) {
            return results;
        }
    }
    return std::nullopt;
}

void PairedRunCache::keep(const std::string& key, std::vector<PairedRunResult> results) {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        if (it->first == key) {
            entries_.erase(it);
            break;
        }
    }
    entries_.emplace_back(key, std::move(results));
    while (entries_.size() > capacity_) {
        entries_.pop_front();
    }
}

void PairedRunCache::clear() {
    const std::lock_guard<std::mutex> lock(mutex_);
    entries_.clear();
}

size_t PairedRunCache::size() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return entries_.size();
}

}  // namespace reslens
