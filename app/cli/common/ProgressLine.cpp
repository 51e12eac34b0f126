#include "app/cli/common/ProgressLine.h"

#include <unistd.h>

#include <cstdio>

namespace reslens::cli {

ProgressLine::ProgressLine()
    : enabled_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      lastDraw_(start_) {}

void ProgressLine::update(int64_t step, int64_t total, const std::string& details) {
    if (!enabled_) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (step < total && now - lastDraw_ < std::chrono::milliseconds(100)) {
        return;
    }
    lastDraw_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(step) / elapsed : 0;
    const double left = rate > 0 ? static_cast<double>(total - step) / rate : 0;
    const int minutes = static_cast<int>(left) / 60, seconds = static_cast<int>(left) % 60;
    std::fprintf(stderr, "\r\033[Kstep %lld/%lld  %s  %.1f steps/s  %d:%02d left",
                 static_cast<long long>(step), static_cast<long long>(total), details.c_str(), rate,
                 minutes, seconds);
    std::fflush(stderr);
    drawn_ = true;
}

void ProgressLine::finish() {
    if (enabled_ && drawn_) {
        std::fprintf(stderr, "\n");
        drawn_ = false;
    }
}

}  // namespace reslens::cli
