#include "model/training/PairedSteps.h"

#include <ATen/Parallel.h>

#include <exception>
#include <thread>

#include "model/network/ArchitectureSummary.h"

namespace reslens {
namespace {

PairedStepResult stepOne(TrainingSession& session, const Batch& batch) {
    try {
        return {session.step(batch), {}};
    } catch (const DivergedError& e) {
        return {std::nullopt, e.what()};
    }
}

}  // namespace

bool PairedSteps::concurrentPays(int64_t multiplyAddsPerImage, int batch, int threads) {
    // Measured on 2 cores (docs/benchmarks.md, "Paired runs"): concurrent steps took
    // 0.86-0.96x the time of sequential ones for resnet20/plain20 and resnet56/plain56 at
    // batch 32 and 128 (1.3 to 16 G multiply-adds per network and step); the gain shrinks
    // as the work grows, as two threads on one network's large convolutions help more. Above
    // what was measured, sequential until measured.
    constexpr double kLargestMeasured = 20e9;
    return threads >= 2 && double(multiplyAddsPerImage) * batch <= kLargestMeasured;
}

PairedSteps::PairedSteps(const std::vector<std::unique_ptr<TrainingSession>>& sessions,
                         const TrainingOptions& options)
    : sessions_(sessions) {
    const int threads = at::get_num_threads();
    bool concurrent = false;
    if (sessions.size() == 2 && threads >= 2 &&
        sessions[0]->network()->fc->weight.device().is_cpu() &&
        sessions[1]->network()->fc->weight.device().is_cpu()) {
        if (options.pairing == Pairing::Concurrent) {
            concurrent = true;
        } else if (options.pairing == Pairing::Automatic) {
            const int64_t macs = std::max(summarize(*sessions[0]->network()).macs,
                                          summarize(*sessions[1]->network()).macs);
            concurrent = concurrentPays(macs, options.batch, threads);
        }
    }
    if (concurrent) {
        threadsBefore_ = threads;
        threadsEach_ = threads / 2;
        at::set_num_threads(threadsEach_);
    }
}

PairedSteps::~PairedSteps() {
    if (threadsBefore_ > 0) {
        at::set_num_threads(threadsBefore_);
    }
}

std::vector<PairedStepResult> PairedSteps::step(const std::vector<bool>& active,
                                                const Batch& batch) {
    std::vector<PairedStepResult> results(sessions_.size());
    if (!concurrent() || !active[0] || !active[1]) {
        for (size_t i = 0; i < sessions_.size(); ++i) {
            if (active[i]) {
                results[i] = stepOne(*sessions_[i], batch);
            }
        }
        return results;
    }
    // The second network on a helper thread, the first on this one. A thread per step costs
    // tens of microseconds against steps of tens of milliseconds, and nothing outlives it.
    std::exception_ptr helperFailure;
    std::thread helper([&] {
        try {
            // OpenMP keeps the count per thread: a new thread starts from the process default.
            at::set_num_threads(threadsEach_);
            results[1] = stepOne(*sessions_[1], batch);
        } catch (...) {
            helperFailure = std::current_exception();
        }
    });
    std::exception_ptr ownFailure;
    try {
        results[0] = stepOne(*sessions_[0], batch);
    } catch (...) {
        ownFailure = std::current_exception();
    }
    helper.join();
    if (ownFailure) {
        std::rethrow_exception(ownFailure);
    }
    if (helperFailure) {
        std::rethrow_exception(helperFailure);
    }
    return results;
}

}  // namespace reslens
