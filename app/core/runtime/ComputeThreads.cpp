#include "app/core/runtime/ComputeThreads.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <mutex>
#include <thread>

namespace reslens {
namespace {

std::mutex mutex;
int wanted = 0;  // 0: one per core
int openScopes = 0;
// What this thread's OpenMP was last told (0: never), so that an idle Scope on a thread
// already at the wanted count costs nothing.
thread_local int appliedHere = 0;

int resolve(int threads) {
    // LibTorch would pick one intra-op thread on small machines; choose on purpose.
    return threads > 0 ? threads
                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace

void ComputeThreads::request(int threads) {
    std::lock_guard<std::mutex> lock(mutex);
    wanted = std::max(0, threads);
}

int ComputeThreads::requested() {
    std::lock_guard<std::mutex> lock(mutex);
    return resolve(wanted);
}

ComputeThreads::Scope::Scope() {
    std::lock_guard<std::mutex> lock(mutex);
    const int target = resolve(wanted);
    if (openScopes == 0 && appliedHere != target) {
        at::set_num_threads(target);
        appliedHere = target;
    }
    ++openScopes;
}

ComputeThreads::Scope::~Scope() {
    std::lock_guard<std::mutex> lock(mutex);
    --openScopes;
}

}  // namespace reslens
