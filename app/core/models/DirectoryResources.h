#pragma once

// Shipped files from a folder on disk (reslens-cli's resources/ directory, or a test's).

#include <string>

#include "app/core/models/ResourceSource.h"

namespace reslens {

class DirectoryResources : public ResourceSource {
public:
    explicit DirectoryResources(std::string directory);

    std::optional<std::vector<char>> read(const std::string& relativePath) const override;
    std::string locate(const std::string& relativePath) const override;
    const std::string& directory() const { return directory_; }

private:
    std::string directory_;
};

}  // namespace reslens
