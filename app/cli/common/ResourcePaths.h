#pragma once

// Where reslens-cli finds what ships in resources/ (the shipped models, label lists), as the
// application layer's ResourceSource. The app reads the same files from its Qt resources;
// the CLI links no Qt, so it looks on disk: $RESLENS_RESOURCES, then beside the executable
// (build tree or installed), then the source tree it was built from. The folder is looked
// for only when a command first needs a shipped file.

#include <string>

#include "app/core/models/ResourceSource.h"

namespace reslens::cli {

// The resources directory. Throws std::runtime_error when none is found.
std::string resourceDirectory();

class CliResources : public ResourceSource {
public:
    std::optional<std::vector<char>> read(const std::string& relativePath) const override;
    std::string locate(const std::string& relativePath) const override;
};

}  // namespace reslens::cli
