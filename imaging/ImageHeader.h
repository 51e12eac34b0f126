#pragma once

// Image dimensions read from a file's header before anything is decoded, so that a
// decompression bomb (a small file claiming billions of pixels) is refused up front, and
// structural checks that catch truncated PNG and JPEG files, which decoders would
// otherwise half-decode with a warning.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reslens {

struct ImageHeader {
    std::string format;  // png, jpeg, bmp, gif, webp, tiff, pnm
    int64_t width = 0;
    int64_t height = 0;
};

// nullopt when the signature is none of the formats above (the decoder may still know it).
// Throws InputError when the signature is known but the header is cut short or malformed.
std::optional<ImageHeader> readImageHeader(const std::vector<char>& bytes,
                                           const std::string& sourceName);

// Throws InputError when a PNG has no IEND chunk or a JPEG no end-of-image marker after its
// scan data, i.e. the file was cut short.
void requireCompleteImage(const std::vector<char>& bytes, const std::string& format,
                          const std::string& sourceName);

}  // namespace reslens
