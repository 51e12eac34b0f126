#include "model/files/ScratchFile.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace reslens {

ScratchFile::ScratchFile(const std::vector<char>& bytes, const std::string& suffix) {
    std::error_code error;
    std::filesystem::path directory = std::filesystem::temp_directory_path(error);
    if (error) {
        directory = "/tmp";
    }
    std::string pattern = (directory / "reslens-XXXXXX").string() + suffix;
    const int fd = ::mkstemps(pattern.data(), static_cast<int>(suffix.size()));
    if (fd < 0) {
        throw std::runtime_error("cannot create a scratch file in " + directory.string() + ": " +
                                 std::strerror(errno));
    }
    path_ = pattern;
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const std::string reason = std::strerror(errno);
            ::close(fd);
            ::unlink(path_.c_str());
            throw std::runtime_error("cannot write the scratch file " + path_ + ": " + reason);
        }
        written += static_cast<size_t>(n);
    }
    ::close(fd);
}

ScratchFile::~ScratchFile() {
    ::unlink(path_.c_str());
}

}  // namespace reslens
