#pragma once

// Where the files that ship with ResLens (models, label lists) come from. The layer never
// looks for them itself: the desktop app reads its compiled-in Qt resources, reslens-cli a
// folder on disk, and tests whatever they like. Paths are relative, e.g. "models/default.pt".

#include <optional>
#include <string>
#include <vector>

namespace reslens {

class ResourceSource {
public:
    virtual ~ResourceSource() = default;

    // The file's bytes, or nothing when this source does not have it.
    virtual std::optional<std::vector<char>> read(const std::string& relativePath) const = 0;
    // Where a relative path would be looked for, for messages ("resources/models/x.pt").
    virtual std::string locate(const std::string& relativePath) const = 0;
};

}  // namespace reslens
