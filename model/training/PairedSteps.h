#pragma once

// One lockstep step of every active network of a run on the same batch: one after the
// other, or concurrently, each network on its own thread with its share of LibTorch's
// intra-op threads. Either way the reports come back in network order on the caller's
// thread, and a network whose step diverges is reported, not thrown.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/training/TrainingOptions.h"
#include "model/training/TrainingSession.h"

namespace reslens {

struct PairedStepResult {
    std::optional<StepReport> report;  // empty when the step diverged
    std::string divergence;            // why
};

class PairedSteps {
public:
    // Decides concurrency for these sessions under `pairing` (Automatic: docs/benchmarks.md)
    // and, when concurrent, gives this thread its share of the intra-op threads until the
    // object is destroyed.
    PairedSteps(const std::vector<std::unique_ptr<TrainingSession>>& sessions,
                const TrainingOptions& options);
    ~PairedSteps();
    PairedSteps(const PairedSteps&) = delete;
    PairedSteps& operator=(const PairedSteps&) = delete;

    // Steps the sessions whose `active` flag is set. Exceptions other than DivergedError
    // propagate (after every thread has finished).
    std::vector<PairedStepResult> step(const std::vector<bool>& active, const Batch& batch);

    bool concurrent() const { return threadsEach_ > 0; }

    // Whether Automatic steps a pair of networks of this size at `batch` concurrently with
    // `threads` intra-op threads in all (on the CPU).
    static bool concurrentPays(int64_t multiplyAddsPerImage, int batch, int threads);

private:
    const std::vector<std::unique_ptr<TrainingSession>>& sessions_;
    int threadsEach_ = 0;    // 0: sequential
    int threadsBefore_ = 0;  // this thread's count, restored at the end
};

}  // namespace reslens
