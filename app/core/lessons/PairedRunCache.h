#pragma once

// The paired runs a lesson trained, kept for the process's life by what decides them (the
// architecture, batch norm, the recipe, the seed and the device), so that a lesson run
// twice, or two lessons sharing a run (why skips and degradation both train resnet56 beside
// plain56 at the same recipe), train it once. A run is deterministic in these: the cached
// result is what training again would give, to float rounding of a changed thread count.
// Stopped runs are never kept. Thread-safe: the app measures seeds on a worker thread.

#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/training/RunStatus.h"

namespace reslens {

// What a lesson reads of one network of a paired run.
struct PairedRunResult {
    std::string run;  // "resnet56", "plain56"
    std::vector<double> losses;
    std::vector<double> firstNorms;  // each block's gradient norm at step 1
    RunStatus status = RunStatus::Finished;
};

class PairedRunCache {
public:
    explicit PairedRunCache(size_t capacity = 32) : capacity_(capacity) {}

    // The process's cache, shared by every lesson.
    static PairedRunCache& shared();

    std::optional<std::vector<PairedRunResult>> find(const std::string& key) const;
    // Keeps the newest `capacity` entries (a few kB each).
    void keep(const std::string& key, std::vector<PairedRunResult> results);
    void clear();
    size_t size() const;

private:
    size_t capacity_;
    mutable std::mutex mutex_;
    std::deque<std::pair<std::string, std::vector<PairedRunResult>>> entries_;
};

}  // namespace reslens
