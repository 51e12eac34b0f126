#include "imaging/ExifOrientation.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace reslens {
namespace {

uint8_t byteAt(const std::vector<char>& b, size_t i) {
    return static_cast<uint8_t>(b[i]);
}

// The orientation entry of IFD0 of the TIFF structure at [tiff, end).
int orientationInTiff(const std::vector<char>& b, size_t tiff, size_t end) {
    if (end - tiff < 8) {
        return 1;
    }
    const bool little = byteAt(b, tiff) == 'I' && byteAt(b, tiff + 1) == 'I';
    auto u16 = [&](size_t o) -> uint32_t {
        return little ? byteAt(b, o) | (byteAt(b, o + 1) << 8)
                      : (byteAt(b, o) << 8) | byteAt(b, o + 1);
    };
    auto u32 = [&](size_t o) -> uint32_t {
        return little ? u16(o) | (u16(o + 2) << 16) : (u16(o) << 16) | u16(o + 2);
    };
    const size_t ifd = tiff + u32(tiff + 4);
    if (ifd < tiff || ifd + 2 > end) {
        return 1;
    }
    const uint32_t entries = u16(ifd);
    for (uint32_t i = 0; i < entries; ++i) {
        const size_t entry = ifd + 2 + 12 * static_cast<size_t>(i);
        if (entry + 12 > end) {
            return 1;
        }
        if (u16(entry) == 0x0112 && u16(entry + 2) == 3) {  // SHORT
            const uint32_t value = u16(entry + 8);
            return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
        }
    }
    return 1;
}

}  // namespace

int jpegExifOrientation(const std::vector<char>& b) {
    if (b.size() < 4 || byteAt(b, 0) != 0xFF || byteAt(b, 1) != 0xD8) {
        return 1;
    }
    size_t offset = 2;
    while (offset + 4 <= b.size() && byteAt(b, offset) == 0xFF) {
        const uint8_t marker = byteAt(b, offset + 1);
        if (marker == 0xDA || marker == 0xD9) {
            break;
        }
        const size_t length = (byteAt(b, offset + 2) << 8) | byteAt(b, offset + 3);
        const size_t data = offset + 4;
        const size_t end = std::min(b.size(), offset + 2 + length);
        if (marker == 0xE1 && end >= data + 6 && std::memcmp(&b[data], "Exif\0\0", 6) == 0) {
            return orientationInTiff(b, data + 6, end);
        }
        offset += 2 + length;
    }
    return 1;
}

cv::Mat applyExifOrientation(const cv::Mat& image, int orientation) {
    cv::Mat out;
    switch (orientation) {
        case 2:
            cv::flip(image, out, 1);
            break;  // mirrored
        case 3:
            cv::rotate(image, out, cv::ROTATE_180);
            break;
        case 4:
            cv::flip(image, out, 0);
            break;  // upside-down mirror
        case 5:
            cv::transpose(image, out);
            break;  // transpose
        case 6:
            cv::rotate(image, out, cv::ROTATE_90_CLOCKWISE);
            break;
        case 7:  // transverse
            cv::transpose(image, out);
            cv::flip(out, out, -1);
            break;
        case 8:
            cv::rotate(image, out, cv::ROTATE_90_COUNTERCLOCKWISE);
            break;
        default:
            out = image;
            break;
    }
    return out;
}

}  // namespace reslens
