#include "imaging/VideoReader.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

extern "C" {
#include <libavutil/log.h>
}

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <mutex>

#include "imaging/LibraryMessages.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

// FFmpeg prints its errors to stderr through its default log callback, which OpenCV leaves
// in place. This one hands errors to the thread's LibraryMessages (dropped when none is
// open) and keeps everything else quiet: a damaged video is reported once, in our words.
void onFfmpegLog(void*, int level, const char* format, va_list arguments) {
    if (level > AV_LOG_ERROR) {
        return;
    }
    char text[512];
    std::vsnprintf(text, sizeof text, format, arguments);
    LibraryMessages::record(std::string("ffmpeg: ") + text);
}

void installFfmpegLog() {
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_callback(onFfmpegLog); });
}

std::string because(const LibraryMessages& messages) {
    return messages.first().empty() ? std::string() : " (" + messages.first() + ")";
}

std::string fourcc(double value) {
    const auto code = static_cast<uint32_t>(value);
    std::string text;
    for (int i = 0; i < 4; ++i) {
        const char c = static_cast<char>((code >> (8 * i)) & 0xff);
        if (c > ' ' && c < 127) {
            text += c;
        }
    }
    return text;
}

}  // namespace

struct VideoReader::Capture {
    cv::VideoCapture video;
};

VideoReader::VideoReader(const std::string& path, const DecodeOptions& options)
    : capture_(std::make_unique<Capture>()), path_(path), options_(options) {
    installFfmpegLog();
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        throw InputError(path + ": " +
                         (std::filesystem::exists(path, error) ? "not a file" : "no such file"));
    }
    LibraryMessages messages;
    if (!capture_->video.open(path, cv::CAP_FFMPEG) || !capture_->video.isOpened()) {
        throw InputError(path + ": not a video ResLens can read, or truncated" + because(messages));
    }
    cv::VideoCapture& video = capture_->video;
    info_.width = static_cast<int>(video.get(cv::CAP_PROP_FRAME_WIDTH));
    info_.height = static_cast<int>(video.get(cv::CAP_PROP_FRAME_HEIGHT));
    const double fps = video.get(cv::CAP_PROP_FPS);
    info_.framesPerSecond = std::isfinite(fps) && fps > 0 && fps < 1000 ? fps : 0;
    const double count = video.get(cv::CAP_PROP_FRAME_COUNT);
    info_.frameCount = std::isfinite(count) && count > 0 ? static_cast<int64_t>(count) : 0;
    info_.codec = fourcc(video.get(cv::CAP_PROP_FOURCC));
    if (info_.width <= 0 || info_.height <= 0) {
        throw InputError(path + ": the video's stream has no frame size" + because(messages));
    }
    if (int64_t(info_.width) * info_.height > options_.maxPixels) {
        throw InputError(path + ": frames of " + std::to_string(info_.width) + "x" +
                         std::to_string(info_.height) + " pixels, more than the " +
                         std::to_string(options_.maxPixels / 1'000'000) +
                         " megapixels ResLens decodes");
    }
}

VideoReader::~VideoReader() = default;

bool VideoReader::grab() {
    LibraryMessages messages;
    if (capture_->video.grab()) {
        ++position_;
        return true;
    }
    if (position_ == 0) {
        throw InputError(path_ + ": no frame of the video could be decoded" + because(messages));
    }
    // Containers that count frames only through their duration may be one frame off.
    if (info_.frameCount > 0 && position_ < info_.frameCount - 1) {
        throw InputError(path_ + ": the video stops after frame " + std::to_string(position_) +
                         " of the " + std::to_string(info_.frameCount) +
                         " its header promises: it is truncated or damaged" + because(messages));
    }
    return false;
}

double VideoReader::timeOfCurrentFrame() const {
    // The frame's own timestamp where the stream has one; a constant rate's index otherwise.
    const double ms = capture_->video.get(cv::CAP_PROP_POS_MSEC);
    if (std::isfinite(ms) && (ms > 0 || position_ == 1)) {
        return ms / 1000.0;
    }
    return info_.framesPerSecond > 0 ? double(position_ - 1) / info_.framesPerSecond : 0.0;
}

std::optional<VideoFrame> VideoReader::next() {
    if (!grab()) {
        return std::nullopt;
    }
    LibraryMessages messages;
    cv::Mat bgr;
    if (!capture_->video.retrieve(bgr) || bgr.empty()) {
        throw InputError(path_ + ": frame " + std::to_string(position_ - 1) +
                         " could not be decoded" + because(messages));
    }
    VideoFrame frame;
    frame.index = position_ - 1;
    frame.timeSeconds = timeOfCurrentFrame();
    if (bgr.channels() == 1) {
        cv::cvtColor(bgr, frame.image.pixels, cv::COLOR_GRAY2RGB);
    } else {
        cv::cvtColor(bgr, frame.image.pixels, cv::COLOR_BGR2RGB);
    }
    frame.image.format = "video";
    frame.image.sourceChannels = 3;
    return frame;
}

bool VideoReader::skip() {
    return grab();
}

void VideoReader::seek(int64_t frame) {
    if (info_.frameCount > 0) {
        frame = std::min(frame, info_.frameCount - 1);
    }
    frame = std::max<int64_t>(frame, 0);
    LibraryMessages messages;
    if (!capture_->video.set(cv::CAP_PROP_POS_FRAMES, double(frame))) {
        throw InputError(path_ + ": cannot move to frame " + std::to_string(frame) +
                         because(messages));
    }
    position_ = frame;
}

}  // namespace reslens
