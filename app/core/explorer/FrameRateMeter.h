#pragma once

// Frames per second as a live view achieves them: the frames shown in the last few seconds
// over the time they spanned, so that a pause or a slow frame shows at once and old history
// does not dilute it.

#include <deque>

namespace reslens {

class FrameRateMeter {
public:
    explicit FrameRateMeter(double windowSeconds = 2.0);

    // A frame was shown at `seconds` on a monotonic clock (non-decreasing).
    void frameShown(double seconds);
    // Over the frames shown within the window before the last one; 0 with fewer than two.
    double framesPerSecond() const;
    void reset();

private:
    double window_;
    std::deque<double> times_;
};

}  // namespace reslens
