#include "app/cli/common/SigintCancel.h"

#include <atomic>
#include <csignal>
#include <thread>

namespace reslens::cli {
namespace {

std::atomic<int> interrupts{0};
std::function<void()> activeCancel;
std::atomic<bool> watching{false};
std::thread watcher;

void onSigint(int) {
    if (interrupts.fetch_add(1) >= 1) {
        std::signal(SIGINT, SIG_DFL);
        std::raise(SIGINT);
    }
}

}  // namespace

// A signal handler may only touch lock-free atomics; a watcher thread turns the flag into
// the cancel callback, which may take a mutex.
SigintCancel::SigintCancel(std::function<void()> cancel) {
    activeCancel = std::move(cancel);
    interrupts = 0;
    watching = true;
    watcher = std::thread([] {
        while (watching) {
            if (interrupts.load() > 0 && activeCancel) {
                activeCancel();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
    std::signal(SIGINT, onSigint);
}

SigintCancel::~SigintCancel() {
    std::signal(SIGINT, SIG_DFL);
    watching = false;
    watcher.join();
    activeCancel = nullptr;
}

}  // namespace reslens::cli
