#pragma once

// Frames of a video file, one at a time, as the image decoder gives still images: 8-bit RGB
// pixels in a DecodedImage, so that a frame goes through exactly the preparation a still
// image of the same pixels would. Whatever Debian's FFmpeg reads (MP4, AVI, MKV, WebM, MOV
// with H.264, VP8/9, AV1, MPEG-4, FFV1, MJPEG, ...), through OpenCV's FFmpeg back end.
//
// Every failure is an InputError with one clear line: not a file, not a video, frames larger
// than DecodeOptions::maxPixels, no frame at all, or a stream that stops before the frame
// count its header promises (a truncated or damaged file). FFmpeg's own messages are caught
// (LibraryMessages) and the first one is quoted instead of being printed.
// Not thread-safe: one thread reads a VideoReader.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "imaging/ImageDecoder.h"

namespace reslens {

struct VideoInfo {
    int width = 0;
    int height = 0;
    double framesPerSecond = 0;  // as the container says; 0 when it does not say
    int64_t frameCount = 0;      // as the container says (exact or from its duration); 0: unknown
    std::string codec;           // FourCC, e.g. "h264", "FFV1"; empty when unknown
};

struct VideoFrame {
    int64_t index = 0;       // 0-based, in decoding order
    double timeSeconds = 0;  // its presentation time from the stream's start
    DecodedImage image;      // CV_8UC3 RGB
};

class VideoReader {
public:
    // Throws InputError when the file is missing, is not a video FFmpeg can decode, or its
    // frames are larger than options.maxPixels.
    explicit VideoReader(const std::string& path, const DecodeOptions& options = {});
    ~VideoReader();
    VideoReader(const VideoReader&) = delete;
    VideoReader& operator=(const VideoReader&) = delete;

    const VideoInfo& info() const { return info_; }
    const std::string& path() const { return path_; }

    // The next frame, or nothing at the end of the stream. Throws InputError when the stream
    // ends before the frame count its header promises, or no frame could be decoded at all.
    std::optional<VideoFrame> next();
    // Moves past the next frame without converting its pixels (cheaper than next());
    // false at the end, with next()'s checks.
    bool skip();
    // The next frame read will be `frame` (0-based; clamped to the stream). FFmpeg seeks to
    // the keyframe before it and decodes forward, so this costs up to a keyframe interval.
    void seek(int64_t frame);
    // The index the next frame will have.
    int64_t position() const { return position_; }

private:
    bool grab();
    double timeOfCurrentFrame() const;

    struct Capture;
    std::unique_ptr<Capture> capture_;
    std::string path_;
    DecodeOptions options_;
    VideoInfo info_;
    int64_t position_ = 0;
};

}  // namespace reslens
