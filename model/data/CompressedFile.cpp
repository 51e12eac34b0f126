#include "model/data/CompressedFile.h"

#ifdef RESLENS_WITH_ZLIB
#include <zlib.h>
#endif

#include "model/files/FileBytes.h"
#include "model/runtime/InputError.h"

namespace reslens {

std::vector<char> readMaybeGzipped(const std::string& path, size_t maxBytes) {
    std::vector<char> raw = readFileBytes(path, maxBytes);
    if (raw.size() < 2 || static_cast<unsigned char>(raw[0]) != 0x1f ||
        static_cast<unsigned char>(raw[1]) != 0x8b) {
        return raw;
    }
#ifndef RESLENS_WITH_ZLIB
    throw InputError("'" + path +
                     "' is gzip-compressed and this build has no zlib: gunzip it first");
#else
    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {  // 16: expect a gzip header
        throw InputError("cannot inflate '" + path + "'");
    }
    std::vector<char> out;
    out.resize(raw.size() * 4);
    stream.next_in = reinterpret_cast<Bytef*>(raw.data());
    stream.avail_in = static_cast<uInt>(raw.size());
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        if (stream.total_out == out.size()) {
            if (out.size() >= maxBytes) {
                inflateEnd(&stream);
                throw InputError("'" + path + "' inflates to more than " +
                                 std::to_string(maxBytes) + " bytes");
            }
            out.resize(std::min(out.size() * 2, maxBytes));
        }
        stream.next_out = reinterpret_cast<Bytef*>(out.data() + stream.total_out);
        stream.avail_out = static_cast<uInt>(out.size() - stream.total_out);
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END) {
            inflateEnd(&stream);
            throw InputError("'" + path + "' is a corrupt or truncated gzip file" +
                             (status == Z_BUF_ERROR ? " (it ends early)" : ""));
        }
    }
    out.resize(stream.total_out);
    inflateEnd(&stream);
    return out;
#endif
}

}  // namespace reslens
