#include "app/cli/common/ResourcePaths.h"

#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "app/core/models/DirectoryResources.h"

namespace reslens::cli {
namespace {

bool isDirectory(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

bool isFile(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

std::string executableDirectory() {
    std::vector<char> buffer(4096);
    const ssize_t n = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
    if (n <= 0) {
        return {};
    }
    std::string path(buffer.data(), static_cast<size_t>(n));
    return path.substr(0, path.rfind('/'));
}

}  // namespace

std::string resourceDirectory() {
    if (const char* env = std::getenv("RESLENS_RESOURCES"); env && *env) {
        if (!isDirectory(env)) {
            throw std::runtime_error(std::string("RESLENS_RESOURCES='") + env +
                                     "' is not a directory");
        }
        return env;
    }
    const std::string exe = executableDirectory();
    const std::vector<std::string> candidates = {
        exe + "/../../../resources",      // build/app/cli/reslens-cli in the source tree
        exe + "/" + RESLENS_BIN_TO_DATA,  // installed: <prefix>/bin -> <prefix>/share/reslens
        RESLENS_SOURCE_RESOURCES,         // the source tree this binary was built from
    };
    for (const std::string& dir : candidates) {
        if (isFile(dir + "/labels/imagenet1k.txt")) {
            // Without the "bin/../": the folder as a user would look for it.
            char* canonical = ::realpath(dir.c_str(), nullptr);
            const std::string found = canonical ? canonical : dir;
            std::free(canonical);
            return found;
        }
    }
    throw std::runtime_error("cannot find ResLens's resources directory (set RESLENS_RESOURCES)");
}

std::optional<std::vector<char>> CliResources::read(const std::string& relativePath) const {
    return DirectoryResources(resourceDirectory()).read(relativePath);
}

std::string CliResources::locate(const std::string& relativePath) const {
    return DirectoryResources(resourceDirectory()).locate(relativePath);
}

}  // namespace reslens::cli
