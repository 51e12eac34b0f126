#include "imaging/StderrCapture.h"

#include <unistd.h>

namespace reslens {
namespace {
std::mutex captureMutex;
}  // namespace

StderrCapture::StderrCapture() : lock_(captureMutex) {
    std::fflush(stderr);
    file_ = std::tmpfile();
    saved_ = file_ ? ::dup(STDERR_FILENO) : -1;
    if (saved_ < 0 || ::dup2(::fileno(file_), STDERR_FILENO) < 0) {
        // Capture is a nicety: without it the messages simply stay on stderr.
        if (saved_ >= 0) {
            ::close(saved_);
            saved_ = -1;
        }
        if (file_) {
            std::fclose(file_);
            file_ = nullptr;
        }
    }
}

StderrCapture::~StderrCapture() {
    finish();
}

std::string StderrCapture::finish() {
    if (!file_) {
        return text_;
    }
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
    std::rewind(file_);
    char buffer[512];
    const size_t n = std::fread(buffer, 1, sizeof buffer - 1, file_);
    std::fclose(file_);
    file_ = nullptr;
    text_.assign(buffer, n);
    text_ = text_.substr(0, text_.find('\n'));
    while (!text_.empty() && (text_.back() == ' ' || text_.back() == '\r')) {
        text_.pop_back();
    }
    return text_;
}

}  // namespace reslens
