#pragma once

// Pause, resume and cancel for a run on another thread. The run calls checkpoint() between
// steps; it blocks while paused and returns false once cancelled.

#include <condition_variable>
#include <mutex>

namespace reslens {

class RunControl {
public:
    void pause();
    void resume();
    void cancel();  // also wakes a paused run

    bool paused() const;
    bool cancelled() const;
    // Called by the run between steps: waits while paused; false when cancelled.
    bool checkpoint();

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool paused_ = false;
    bool cancelled_ = false;
};

}  // namespace reslens
