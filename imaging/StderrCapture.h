#pragma once

// Image libraries (libpng, libjpeg, libtiff) print their complaints straight to the
// process's stderr, which would break the CLI's one-line error and clutter the GUI's
// terminal. While a StderrCapture lives, file descriptor 2 goes to a temporary file; the
// text is handed back so that it can become part of one clear message. Captures are
// serialised with a mutex, since the descriptor is process-wide.

#include <cstdio>
#include <mutex>
#include <string>

namespace reslens {

class StderrCapture {
public:
    StderrCapture();
    ~StderrCapture();
    StderrCapture(const StderrCapture&) = delete;
    StderrCapture& operator=(const StderrCapture&) = delete;

    // Restores stderr (once) and returns the first line written meanwhile, trimmed.
    std::string finish();

private:
    std::unique_lock<std::mutex> lock_;
    std::FILE* file_ = nullptr;
    int saved_ = -1;
    std::string text_;
};

}  // namespace reslens
