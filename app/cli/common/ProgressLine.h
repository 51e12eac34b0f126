#pragma once

// The one-line progress display of long commands, redrawn in place on a terminal (stderr)
// and silent otherwise, so logs and pipes stay clean.

#include <chrono>
#include <cstdint>
#include <string>

namespace reslens::cli {

class ProgressLine {
public:
    ProgressLine();
    bool enabled() const { return enabled_; }
    // At most ~10 redraws a second; the last step is always drawn.
    void update(int64_t step, int64_t total, const std::string& details);
    void finish();  // ends the line

private:
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point lastDraw_;
};

}  // namespace reslens::cli
