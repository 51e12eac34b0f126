#include "model/files/ZipArchiveCheck.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "model/runtime/InputError.h"

namespace reslens {
namespace {

// Little-endian fields at checked offsets; every read is bounds-checked by the caller's
// `within` before it happens.
struct Bytes {
    const std::vector<char>& data;

    uint64_t size() const { return data.size(); }
    bool within(uint64_t offset, uint64_t length) const {
        return offset <= size() && length <= size() - offset;
    }
    uint64_t field(uint64_t offset, int width) const {
        uint64_t value = 0;
        for (int i = width - 1; i >= 0; --i) {
            value = (value << 8) | static_cast<unsigned char>(data[offset + uint64_t(i)]);
        }
        return value;
    }
    bool signature(uint64_t offset, uint32_t expected) const {
        return within(offset, 4) && field(offset, 4) == expected;
    }
};

constexpr uint32_t kEndOfArchive = 0x06054b50;
constexpr uint32_t kZip64EndOfArchive = 0x06064b50;
constexpr uint32_t kZip64Locator = 0x07064b50;
constexpr uint32_t kCentralEntry = 0x02014b50;
constexpr uint32_t kLocalHeader = 0x04034b50;
constexpr uint64_t kMaxEntries = 1'000'000;
// TorchScript's deflated entries are its source code and debug tables: kilobytes. A larger
// claim is a decompression bomb.
constexpr uint64_t kMaxInflated = uint64_t(64) << 20;

struct Damaged {
    std::string why;
};

void require(bool condition, const char* why) {
    if (!condition) {
        throw Damaged{why};
    }
}

// The zip64 extended-information extra field (id 1) of a central-directory entry: the
// 64-bit values of the fields whose 32-bit slot holds 0xFFFFFFFF, in the order
// uncompressed size, compressed size, local header offset.
void readZip64Extra(const Bytes& b, uint64_t extra, uint64_t extraLength, uint64_t& uncompressed,
                    uint64_t& compressed, uint64_t& localOffset) {
    const uint64_t end = extra + extraLength;
    for (uint64_t at = extra; at + 4 <= end;) {
        const uint64_t id = b.field(at, 2), length = b.field(at + 2, 2);
        require(at + 4 + length <= end, "an extra field runs past its entry");
        if (id == 1) {
            uint64_t cursor = at + 4;
            for (uint64_t* value : {&uncompressed, &compressed, &localOffset}) {
                if (*value == 0xFFFFFFFF) {
                    require(cursor + 8 <= at + 4 + length, "a zip64 field is cut short");
                    *value = b.field(cursor, 8);
                    cursor += 8;
                }
            }
        }
        at += 4 + length;
    }
}

std::vector<ZipEntry> check(const Bytes& b) {
    std::vector<ZipEntry> found;
    require(b.size() >= 22, "too short for a zip archive");
    // The end-of-archive record: within the last 22 + 65535 (longest comment) bytes.
    uint64_t end = b.size() - 22;
    const uint64_t lowest = b.size() > 22 + 65535 ? b.size() - 22 - 65535 : 0;
    while (!b.signature(end, kEndOfArchive)) {
        require(end > lowest, "no end-of-archive record");
        --end;
    }
    uint64_t entries = b.field(end + 10, 2);
    uint64_t directorySize = b.field(end + 12, 4);
    uint64_t directoryOffset = b.field(end + 16, 4);
    require(b.within(end + 22, b.field(end + 20, 2)), "the archive comment runs past the end");

    // PyTorch always writes the zip64 records; miniz reads them whenever the locator is there.
    if (end >= 20 && b.signature(end - 20, kZip64Locator)) {
        const uint64_t record = b.field(end - 20 + 8, 8);
        require(b.within(record, 56) && record + 56 <= end - 20 &&
                    b.signature(record, kZip64EndOfArchive),
                "the zip64 end-of-archive record is outside the archive");
        entries = b.field(record + 32, 8);
        directorySize = b.field(record + 40, 8);
        directoryOffset = b.field(record + 48, 8);
    }
    require(entries >= 1 && entries <= kMaxEntries, "an impossible number of entries");
    require(b.within(directoryOffset, directorySize) && directoryOffset + directorySize <= end,
            "the central directory lies outside the archive");
    require(directorySize / 46 >= entries, "the central directory is too short for its entries");

    uint64_t at = directoryOffset;
    uint64_t inflated = 0;
    const uint64_t directoryEnd = directoryOffset + directorySize;
    for (uint64_t i = 0; i < entries; ++i) {
        require(at + 46 <= directoryEnd && b.signature(at, kCentralEntry),
                "a central-directory entry is missing or cut short");
        const uint64_t method = b.field(at + 10, 2);
        uint64_t compressed = b.field(at + 20, 4), uncompressed = b.field(at + 24, 4);
        const uint64_t nameLength = b.field(at + 28, 2), extraLength = b.field(at + 30, 2),
                       commentLength = b.field(at + 32, 2);
        uint64_t localOffset = b.field(at + 42, 4);
        const uint64_t next = at + 46 + nameLength + extraLength + commentLength;
        require(next <= directoryEnd, "a central-directory entry runs past the directory");
        readZip64Extra(b, at + 46 + nameLength, extraLength, uncompressed, compressed, localOffset);
        // PyTorch stores tensors and pickles as they are; TorchScript deflates its code.
        require((method == 0 && compressed == uncompressed) || method == 8,
                "an entry has an unknown compression method or sizes that disagree");
        if (method == 8) {
            inflated += uncompressed;
            require(inflated <= kMaxInflated, "its compressed entries would inflate too far");
        }
        require(b.within(localOffset, 30) && b.signature(localOffset, kLocalHeader),
                "an entry's local header is outside the archive");
        const uint64_t data =
            localOffset + 30 + b.field(localOffset + 26, 2) + b.field(localOffset + 28, 2);
        require(b.within(data, compressed), "an entry's data runs past the end of the archive");
        found.push_back(
            {std::string(b.data.data() + at + 46, nameLength), data, compressed, method == 0});
        at = next;
    }
    return found;
}

}  // namespace

std::vector<ZipEntry> requireSoundZipArchive(const std::vector<char>& bytes,
                                             const std::string& sourceName) {
    try {
        return check(Bytes{bytes});
    } catch (const Damaged& damaged) {
        throw InputError(sourceName +
                         " is not a ResLens model file (a damaged archive: " + damaged.why + ")");
    }
}

}  // namespace reslens
