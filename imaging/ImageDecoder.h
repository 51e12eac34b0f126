#pragma once

// Turns an image file into 8-bit gray or RGB pixels, whatever OpenCV can read: PNG, JPEG,
// BMP, TIFF, WebP, PNM, ...; 8 or 16 bits; gray, RGB or with alpha (composited on a
// background); EXIF orientation applied. Refuses decompression bombs from the header,
// before decoding, and truncated files. Every failure is an InputError with one clear line.

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace reslens {

struct DecodeOptions {
    int64_t maxPixels = 100'000'000;  // 100 megapixels: any camera, no bomb
    // What transparent pixels become: white, since cut-out objects (the usual transparent
    // images) sit on light backgrounds in photographs.
    uint8_t background = 255;
};

struct DecodedImage {
    cv::Mat pixels;          // CV_8UC1 (gray) or CV_8UC3 in RGB order
    std::string format;      // from the header where known, else "image"
    int sourceBitDepth = 8;  // 8, 16 or 32 (float)
    int sourceChannels = 0;  // as stored: 1, 2, 3 or 4
    bool hadAlpha = false;
    int exifOrientation = 1;
};

DecodedImage decodeImage(const std::vector<char>& bytes, const std::string& sourceName,
                         const DecodeOptions& options = {});
DecodedImage decodeImageFile(const std::string& path, const DecodeOptions& options = {});

}  // namespace reslens
