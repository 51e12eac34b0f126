#include "model/files/AtomicFileWriter.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace reslens {
namespace {

std::runtime_error systemError(const std::string& what, const std::string& path) {
    return std::runtime_error("cannot " + what + " '" + path + "': " + std::strerror(errno));
}

std::string directoryOf(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

AtomicFileWriter::AtomicFileWriter(std::string path) : path_(std::move(path)) {
    struct stat info {};
    if (::stat(path_.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
        throw std::runtime_error("cannot write '" + path_ + "': it is a directory");
    }
    std::string pattern = path_ + ".tmp-XXXXXX";
    fd_ = ::mkstemp(pattern.data());
    if (fd_ < 0) {
        throw systemError("write", path_);
    }
    temporaryPath_ = pattern;
    // mkstemp creates 0600; give the file the permissions a plain open() would.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);
}

AtomicFileWriter::~AtomicFileWriter() {
    if (!committed_) {
        discard();
    }
}

void AtomicFileWriter::write(const void* data, size_t size) {
    if (fd_ < 0) {
        throw std::runtime_error("internal: write after commit to '" + path_ + "'");
    }
    const char* bytes = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t written = ::write(fd_, bytes, size);
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw systemError("write", path_);
        }
        bytes += written;
        size -= static_cast<size_t>(written);
    }
}

void AtomicFileWriter::commit() {
    if (fd_ < 0) {
        throw std::runtime_error("internal: commit twice to '" + path_ + "'");
    }
    if (::fsync(fd_) != 0) {
        throw systemError("flush", path_);
    }
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
        throw systemError("close", path_);
    }
    if (::rename(temporaryPath_.c_str(), path_.c_str()) != 0) {
        throw systemError("replace", path_);
    }
    committed_ = true;
    // Make the rename itself durable.
    const int dir = ::open(directoryOf(path_).c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void AtomicFileWriter::discard() noexcept {
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    if (!temporaryPath_.empty()) {
        ::unlink(temporaryPath_.c_str());
    }
}

void writeFileAtomically(const std::string& path, const void* data, size_t size) {
    AtomicFileWriter writer(path);
    writer.write(data, size);
    writer.commit();
}

}  // namespace reslens
