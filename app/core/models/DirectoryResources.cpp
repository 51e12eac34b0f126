#include "app/core/models/DirectoryResources.h"

#include <sys/stat.h>

#include "model/files/FileBytes.h"

namespace reslens {

DirectoryResources::DirectoryResources(std::string directory) : directory_(std::move(directory)) {}

std::optional<std::vector<char>> DirectoryResources::read(const std::string& relativePath) const {
    const std::string path = locate(relativePath);
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
        return std::nullopt;
    }
    // Shipped files are small (a model is about a megabyte); 1 GiB is a sanity cap.
    return readFileBytes(path, size_t(1) << 30);
}

std::string DirectoryResources::locate(const std::string& relativePath) const {
    return directory_ + "/" + relativePath;
}

}  // namespace reslens
