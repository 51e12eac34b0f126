#pragma once

// Ctrl-C during a run cancels it between steps (what was learned is kept); a second
// Ctrl-C ends the process at once.

#include <functional>

namespace reslens::cli {

class SigintCancel {
public:
    // `cancel` is called from a watcher thread: it must be thread-safe (RunControl::cancel,
    // TrainingJob::stop).
    explicit SigintCancel(std::function<void()> cancel);
    ~SigintCancel();
    SigintCancel(const SigintCancel&) = delete;
    SigintCancel& operator=(const SigintCancel&) = delete;
};

}  // namespace reslens::cli
