#include "app/core/explorer/FrameRateMeter.h"

namespace reslens {

FrameRateMeter::FrameRateMeter(double windowSeconds) : window_(windowSeconds) {}

void FrameRateMeter::frameShown(double seconds) {
    times_.push_back(seconds);
    while (times_.size() > 2 && times_.back() - times_.front() > window_) {
        times_.pop_front();
    }
}

double FrameRateMeter::framesPerSecond() const {
    if (times_.size() < 2 || times_.back() <= times_.front()) {
        return 0;
    }
    return double(times_.size() - 1) / (times_.back() - times_.front());
}

void FrameRateMeter::reset() {
    times_.clear();
}

}  // namespace reslens
