#include "model/files/PickleCheck.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "model/files/ZipArchiveCheck.h"

#ifdef RESLENS_WITH_ZLIB
#include <zlib.h>
#endif
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

// How each opcode of pickle protocols 0-5 is followed in the stream.
enum class Argument {
    None,
    Fixed,  // `width` bytes
    Sized,  // a little-endian length of `width` bytes, then that many bytes
    Line,   // up to a newline
    TwoLines,
    Unknown
};

struct Opcode {
    Argument argument = Argument::Unknown;
    int width = 0;
};

Opcode opcodeOf(unsigned char op) {
    switch (op) {
        case '(':
        case '.':
        case '0':
        case '1':
        case '2':
        case 'N':
        case 'R':
        case 'a':
        case 'b':
        case 'd':
        case '}':
        case 'e':
        case 'l':
        case ']':
        case 'o':
        case 's':
        case 't':
        case ')':
        case 'u':
        case 'Q':
        case 0x81:
        case 0x85:
        case 0x86:
        case 0x87:
        case 0x88:
        case 0x89:
        case 0x8f:
        case 0x90:
        case 0x91:
        case 0x92:
        case 0x93:
        case 0x94:
        case 0x97:
        case 0x98:
            return {Argument::None, 0};
        case 'K':
        case 'h':
        case 'q':
        case 0x80:
        case 0x82:
            return {Argument::Fixed, 1};
        case 'M':
        case 0x83:
            return {Argument::Fixed, 2};
        case 'J':
        case 'j':
        case 'r':
        case 0x84:
            return {Argument::Fixed, 4};
        case 'G':
        case 0x95:
            return {Argument::Fixed, 8};
        case 'U':
        case 'C':
        case 0x8a:
        case 0x8c:
            return {Argument::Sized, 1};
        case 'T':
        case 'X':
        case 'B':
        case 0x8b:
            return {Argument::Sized, 4};
        case 0x8d:
        case 0x8e:
        case 0x96:
            return {Argument::Sized, 8};
        case 'I':
        case 'L':
        case 'F':
        case 'S':
        case 'V':
        case 'P':
        case 'g':
        case 'p':
            return {Argument::Line, 0};
        case 'c':
        case 'i':
            return {Argument::TwoLines, 0};
        default:
            return {Argument::Unknown, 0};
    }
}

// What an opcode needs on the unpickler's stack and leaves there. LibTorch 1.13 does not check
// its stack: an opcode that pops more than is there makes it read before the stack's start
// (found by fuzzing: a SEGV at address -8). kToMark: pops everything above the last MARK.
constexpr int kToMark = -1;
struct StackEffect {
    int pops = 0;  // or kToMark
    int pushes = 0;
    int needsBelowMark = 0;  // with kToMark: items that must remain under the mark
};

StackEffect stackEffectOf(unsigned char op) {
    switch (op) {
        case '(':
        case '.':
        case 0x80:
        case 0x95:
            return {0, 0};  // MARK and STOP are handled by the caller
        case '0':
            return {1, 0};
        case '1':
            return {kToMark, 0};
        case '2':
            return {1, 2};
        case 'Q':
        case 0x94:
        case 'p':
        case 'q':
        case 'r':
        case 0x85:
        case 0x98:
            return {1, 1};
        case 'R':
        case 'b':
        case 'a':
        case 0x81:
        case 0x93:
        case 0x86:
            return {2, 1};
        case 's':
        case 0x87:
        case 0x92:
            return {3, 1};
        case 'd':
        case 'l':
        case 't':
        case 'o':
        case 'i':
        case 0x91:
            return {kToMark, 1};
        case 'e':
        case 'u':
        case 0x90:
            return {kToMark, 0, 1};
        default:
            return {0, 1};  // everything else pushes one value
    }
}

}  // namespace

void requireBoundedPickle(const char* data, size_t size, const std::string& sourceName) {
    auto refuse = [&](const std::string& why) {
        throw InputError(sourceName + " is not a ResLens model file (a damaged pickle: " + why +
                         ")");
    };
    size_t at = 0;
    int64_t depth = 0;           // values on the unpickler's stack
    std::vector<int64_t> marks;  // the depth at each open MARK
    uint64_t memoEntries = 0;    // ids the memo holds: 0 .. memoEntries - 1
    while (at < size) {
        const auto op = static_cast<unsigned char>(data[at++]);
        if (op == '.') {
            if (depth < 1) {
                refuse("it stops with nothing on its stack");
            }
            return;  // STOP
        }
        if (op == '(') {
            marks.push_back(depth);
        } else {
            const StackEffect effect = stackEffectOf(op);
            if (effect.pops == kToMark) {
                if (marks.empty() || marks.back() < effect.needsBelowMark) {
                    refuse("opcode " + std::to_string(op) + " has no mark to pop to");
                }
                depth = marks.back();
                marks.pop_back();
            } else if (depth < effect.pops) {
                refuse("opcode " + std::to_string(op) + " pops more than its stack holds");
            } else {
                depth -= effect.pops;
            }
            depth += effect.pushes;
        }
        const size_t argumentAt = at;
        const Opcode opcode = opcodeOf(op);
        const size_t left = size - at;
        switch (opcode.argument) {
            case Argument::None:
                break;
            case Argument::Fixed:
                if (size_t(opcode.width) > left) {
                    refuse("an argument runs past the end");
                }
                at += size_t(opcode.width);
                break;
            case Argument::Sized: {
                if (size_t(opcode.width) > left) {
                    refuse("a length runs past the end");
                }
                uint64_t length = 0;
                for (int i = opcode.width - 1; i >= 0; --i) {
                    length = (length << 8) | static_cast<unsigned char>(data[at + size_t(i)]);
                }
                at += size_t(opcode.width);
                if (length > size - at) {
                    refuse("it claims " + std::to_string(length) + " bytes where " +
                           std::to_string(size - at) + " are left");
                }
                at += size_t(length);
                break;
            }
            case Argument::Line:
            case Argument::TwoLines:
                for (int line = opcode.argument == Argument::Line ? 1 : 2; line > 0; --line) {
                    const void* newline = std::memchr(data + at, '\n', size - at);
                    if (newline == nullptr) {
                        refuse("a line runs past the end");
                    }
                    at = size_t(static_cast<const char*>(newline) - data) + 1;
                }
                break;
            case Argument::Unknown:
                refuse("opcode " + std::to_string(op) + " is in no pickle protocol");
        }
        // The memo: LibTorch grows its table to whatever id a PUT names (a 27 GB table, found
        // by fuzzing) and reads whatever id a GET names. Picklers number ids 0, 1, 2, ...
        const bool put = op == 'q' || op == 'r' || op == 'p';
        const bool get = op == 'h' || op == 'j' || op == 'g';
        if (put || get) {
            uint64_t id = 0;
            if (op == 'q' || op == 'h') {
                id = static_cast<unsigned char>(data[argumentAt]);
            } else if (op == 'r' || op == 'j') {
                for (int i = 3; i >= 0; --i) {
                    id = (id << 8) | static_cast<unsigned char>(data[argumentAt + size_t(i)]);
                }
            } else {
                id = std::strtoull(std::string(data + argumentAt, at - argumentAt).c_str(), nullptr,
                                   10);
            }
            if (put && id > memoEntries) {
                refuse("it stores memo entry " + std::to_string(id) + " after " +
                       std::to_string(memoEntries) + " entries");
            }
            if (get && id >= memoEntries) {
                refuse("it reads memo entry " + std::to_string(id) + ", which was never stored");
            }
            memoEntries = std::max(memoEntries, id + 1);
        } else if (op == 0x94) {  // MEMOIZE: the next id
            ++memoEntries;
        }
    }
    refuse("it has no end");
}

void requireSoundPickleArchive(const std::vector<char>& bytes, const std::string& sourceName) {
    for (const ZipEntry& entry : requireSoundZipArchive(bytes, sourceName)) {
        // data.pkl and constants.pkl (stored), and TorchScript's *.debug_pkl (deflated): every
        // pickle LibTorch may unpickle while loading.
        const bool pickle =
            entry.name.size() > 3 && entry.name.compare(entry.name.size() - 3, 3, "pkl") == 0;
        if (!pickle) {
            continue;
        }
        if (entry.stored) {
            requireBoundedPickle(bytes.data() + entry.dataOffset, size_t(entry.size), sourceName);
            continue;
        }
#ifdef RESLENS_WITH_ZLIB
        // Raw deflate: at most 1032:1 (deflate's limit), and 64 MB (ZipArchiveCheck's bound).
        std::vector<char> inflated(std::min(size_t(64) << 20, size_t(entry.size) * 1032 + 1024));
        z_stream stream{};
        stream.next_in =
            reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + entry.dataOffset));
        stream.avail_in = static_cast<uInt>(entry.size);
        stream.next_out = reinterpret_cast<Bytef*>(inflated.data());
        stream.avail_out = static_cast<uInt>(inflated.size());
        if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
            throw InputError(sourceName + ": zlib could not start");
        }
        const int status = inflate(&stream, Z_FINISH);
        const size_t produced = inflated.size() - stream.avail_out;
        inflateEnd(&stream);
        if (status != Z_STREAM_END) {
            throw InputError(sourceName +
                             " is not a ResLens model file (a damaged archive: a "
                             "compressed entry does not inflate)");
        }
        requireBoundedPickle(inflated.data(), produced, sourceName);
#else
        throw InputError(sourceName + ": a compressed pickle cannot be checked without zlib");
#endif
    }
}

}  // namespace reslens
