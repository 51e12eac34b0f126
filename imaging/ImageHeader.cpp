#include "imaging/ImageHeader.h"

#include <cctype>
#include <cstring>

#include "model/runtime/InputError.h"

namespace reslens {
namespace {

class ByteReader {
public:
    explicit ByteReader(const std::vector<char>& bytes) : bytes_(bytes) {}
    size_t size() const { return bytes_.size(); }
    bool has(size_t offset, size_t count) const {
        return offset <= bytes_.size() && count <= bytes_.size() - offset;
    }
    uint8_t u8(size_t offset) const { return static_cast<uint8_t>(bytes_.at(offset)); }
    uint32_t be16(size_t o) const { return (u8(o) << 8) | u8(o + 1); }
    uint32_t be32(size_t o) const { return (be16(o) << 16) | be16(o + 2); }
    uint32_t le16(size_t o) const { return u8(o) | (u8(o + 1) << 8); }
    uint32_t le24(size_t o) const { return le16(o) | (u8(o + 2) << 16); }
    uint32_t le32(size_t o) const { return le16(o) | (le16(o + 2) << 16); }
    bool startsWith(size_t offset, const char* text) const {
        const size_t n = std::strlen(text);
        return has(offset, n) && std::memcmp(bytes_.data() + offset, text, n) == 0;
    }

private:
    const std::vector<char>& bytes_;
};

[[noreturn]] void malformed(const std::string& sourceName, const std::string& format) {
    throw InputError(sourceName + ": the " + format + " header is truncated or malformed");
}

ImageHeader readPng(const ByteReader& r, const std::string& name) {
    if (!r.has(16, 8) || !r.startsWith(12, "IHDR")) {
        malformed(name, "PNG");
    }
    return {"png", r.be32(16), r.be32(20)};
}

bool isStartOfFrame(uint8_t marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

ImageHeader readJpeg(const ByteReader& r, const std::string& name) {
    size_t offset = 2;
    while (r.has(offset, 4)) {
        if (r.u8(offset) != 0xFF) {
            malformed(name, "JPEG");
        }
        const uint8_t marker = r.u8(offset + 1);
        if (marker == 0xFF) {  // fill byte
            ++offset;
            continue;
        }
        const uint32_t length = r.be16(offset + 2);
        if (isStartOfFrame(marker)) {
            if (!r.has(offset + 5, 4)) {
                break;
            }
            return {"jpeg", r.be16(offset + 7), r.be16(offset + 5)};
        }
        if (marker == 0xDA || length < 2) {  // scan data before any frame header
            break;
        }
        offset += 2 + length;
    }
    malformed(name, "JPEG");
}

ImageHeader readWebp(const ByteReader& r, const std::string& name) {
    if (r.startsWith(12, "VP8 ") && r.has(26, 4)) {
        return {"webp", r.le16(26) & 0x3FFF, r.le16(28) & 0x3FFF};
    }
    if (r.startsWith(12, "VP8L") && r.has(21, 4)) {
        const uint32_t bits = r.le32(21);
        return {"webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1};
    }
    if (r.startsWith(12, "VP8X") && r.has(24, 6)) {
        return {"webp", r.le24(24) + 1, r.le24(27) + 1};
    }
    malformed(name, "WebP");
}

ImageHeader readTiff(const ByteReader& r, const std::string& name) {
    const bool little = r.u8(0) == 'I';
    auto u16 = [&](size_t o) { return little ? r.le16(o) : r.be16(o); };
    auto u32 = [&](size_t o) { return little ? r.le32(o) : r.be32(o); };
    const size_t ifd = u32(4);
    if (!r.has(ifd, 2)) {
        malformed(name, "TIFF");
    }
    const uint32_t entries = u16(ifd);
    int64_t width = -1, height = -1;
    for (uint32_t i = 0; i < entries; ++i) {
        const size_t entry = ifd + 2 + 12 * static_cast<size_t>(i);
        if (!r.has(entry, 12)) {
            malformed(name, "TIFF");
        }
        const uint32_t tag = u16(entry);
        const uint32_t type = u16(entry + 2);
        const int64_t value = type == 3 ? u16(entry + 8) : u32(entry + 8);
        if (tag == 256) {
            width = value;
        } else if (tag == 257) {
            height = value;
        }
    }
    if (width < 0 || height < 0) {
        malformed(name, "TIFF");
    }
    return {"tiff", width, height};
}

// "P1".."P6": magic, then width and height as decimal text, with # comments allowed.
ImageHeader readPnm(const ByteReader& r, const std::string& name) {
    size_t offset = 2;
    int64_t numbers[2] = {-1, -1};
    for (int64_t& number : numbers) {
        while (r.has(offset, 1) && (std::isspace(r.u8(offset)) || r.u8(offset) == '#')) {
            if (r.u8(offset) == '#') {
                while (r.has(offset, 1) && r.u8(offset) != '\n') {
                    ++offset;
                }
            } else {
                ++offset;
            }
        }
        int64_t value = 0;
        int digits = 0;
        while (r.has(offset, 1) && std::isdigit(r.u8(offset)) && digits < 12) {
            value = value * 10 + (r.u8(offset) - '0');
            ++offset;
            ++digits;
        }
        if (digits == 0) {
            malformed(name, "PNM");
        }
        number = value;
    }
    return {"pnm", numbers[0], numbers[1]};
}

}  // namespace

std::optional<ImageHeader> readImageHeader(const std::vector<char>& bytes,
                                           const std::string& sourceName) {
    const ByteReader r(bytes);
    if (r.startsWith(0, "\x89PNG\r\n\x1a\n")) {
        return readPng(r, sourceName);
    }
    if (r.has(0, 3) && r.u8(0) == 0xFF && r.u8(1) == 0xD8 && r.u8(2) == 0xFF) {
        return readJpeg(r, sourceName);
    }
    if (r.startsWith(0, "BM")) {
        if (!r.has(18, 8)) {
            malformed(sourceName, "BMP");
        }
        const auto height = static_cast<int32_t>(r.le32(22));  // negative: top-down rows
        return ImageHeader{"bmp", static_cast<int32_t>(r.le32(18)),
                           height < 0 ? -static_cast<int64_t>(height) : height};
    }
    if (r.startsWith(0, "GIF87a") || r.startsWith(0, "GIF89a")) {
        if (!r.has(6, 4)) {
            malformed(sourceName, "GIF");
        }
        return ImageHeader{"gif", r.le16(6), r.le16(8)};
    }
    if (r.startsWith(0, "RIFF") && r.startsWith(8, "WEBP")) {
        return readWebp(r, sourceName);
    }
    const bool tiffLittle =
        r.has(0, 4) && r.u8(0) == 'I' && r.u8(1) == 'I' && r.u8(2) == 42 && r.u8(3) == 0;
    const bool tiffBig =
        r.has(0, 4) && r.u8(0) == 'M' && r.u8(1) == 'M' && r.u8(2) == 0 && r.u8(3) == 42;
    if (tiffLittle || tiffBig) {
        if (!r.has(0, 8)) {
            malformed(sourceName, "TIFF");
        }
        return readTiff(r, sourceName);
    }
    if (r.has(0, 2) && r.u8(0) == 'P' && r.u8(1) >= '1' && r.u8(1) <= '6') {
        return readPnm(r, sourceName);
    }
    return std::nullopt;
}

void requireCompleteImage(const std::vector<char>& bytes, const std::string& format,
                          const std::string& sourceName) {
    const ByteReader r(bytes);
    if (format == "png") {
        // Chunks: length, type, data, CRC; the last is IEND.
        size_t offset = 8;
        while (r.has(offset, 12)) {
            const size_t length = r.be32(offset);
            if (r.startsWith(offset + 4, "IEND")) {
                return;
            }
            offset += 12 + length;
        }
        throw InputError(sourceName + ": the PNG file is truncated (no IEND chunk)");
    }
    if (format == "jpeg") {
        // Walk the segments to the first scan, then look for the end-of-image marker after it.
        // Inside entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so
        // 0xFF 0xD9 there can only be the real end (an embedded thumbnail's EOI lies in an
        // APP segment that the walk skips).
        size_t offset = 2;
        while (r.has(offset, 4) && r.u8(offset) == 0xFF && r.u8(offset + 1) != 0xDA) {
            if (r.u8(offset + 1) == 0xFF) {
                ++offset;
                continue;
            }
            offset += 2 + r.be16(offset + 2);
        }
        for (size_t i = offset; i + 1 < r.size(); ++i) {
            if (r.u8(i) == 0xFF && r.u8(i + 1) == 0xD9) {
                return;
            }
        }
        throw InputError(sourceName + ": the JPEG file is truncated (no end-of-image marker)");
    }
}

}  // namespace reslens
