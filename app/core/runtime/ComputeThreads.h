#pragma once

// LibTorch's CPU thread count, set from this one place. It is process-wide state with a
// per-thread part (OpenMP reads it on the thread that runs the operators), so:
//   - every piece of work that runs LibTorch operators holds a Scope on its thread;
//   - request() only records the wish; it takes effect when a Scope opens while no other
//     Scope is open anywhere, on that Scope's thread and for the process. A change never
//     lands on a thread that is inside LibTorch.
// In the app the explorer opens a Scope per request and the lab one per run: while the lab
// trains, a change of the threads control waits, and applies to the next image classified
// after the run ends and to the next run (docs/design.md, Threads).

namespace reslens {

class ComputeThreads {
public:
    // n > 0: that many threads; 0: one per core. Thread-safe.
    static void request(int threads);
    // The count the next idle Scope will apply (never 0).
    static int requested();

    class Scope {
    public:
        Scope();
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;
    };
};

}  // namespace reslens
