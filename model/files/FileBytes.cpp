#include "model/files/FileBytes.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "model/runtime/InputError.h"

namespace reslens {

size_t requireNonEmptyFile(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        throw InputError("cannot open '" + path + "': " + std::strerror(errno));
    }
    if (S_ISDIR(info.st_mode)) {
        throw InputError("'" + path + "' is a directory, not a file");
    }
    if (!S_ISREG(info.st_mode)) {
        throw InputError("'" + path + "' is not a regular file");
    }
    if (info.st_size == 0) {
        throw InputError("'" + path + "' is empty");
    }
    return static_cast<size_t>(info.st_size);
}

std::vector<char> readFileBytes(const std::string& path, size_t maxBytes) {
    const size_t size = requireNonEmptyFile(path);
    if (size > maxBytes) {
        throw InputError("'" + path + "' is too large (" + std::to_string(size) +
                         " bytes, at most " + std::to_string(maxBytes) + ")");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError("cannot read '" + path + "': " + std::strerror(errno));
    }
    std::vector<char> bytes(size);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (in.gcount() != static_cast<std::streamsize>(bytes.size())) {
        throw InputError("cannot read '" + path + "': it changed while being read");
    }
    return bytes;
}

}  // namespace reslens
