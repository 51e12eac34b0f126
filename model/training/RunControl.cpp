#include "model/training/RunControl.h"

namespace reslens {

void RunControl::pause() {
    std::lock_guard<std::mutex> lock(mutex_);
    paused_ = true;
}

void RunControl::resume() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        paused_ = false;
    }
    changed_.notify_all();
}

void RunControl::cancel() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        cancelled_ = true;
    }
    changed_.notify_all();
}

bool RunControl::paused() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return paused_;
}

bool RunControl::cancelled() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return cancelled_;
}

bool RunControl::checkpoint() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !paused_ || cancelled_; });
    return !cancelled_;
}

}  // namespace reslens
