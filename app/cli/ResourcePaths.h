#pragma once

// Where reslens-cli finds what ships in resources/ (the default model, label lists).
// The GUI reads the same files from Qt resources; the CLI links no Qt, so it looks on disk:
// $RESLENS_RESOURCES, then beside the executable (build tree or installed), then the
// source tree it was built from.

#include <string>

namespace reslens::cli {

// The resources directory. Throws std::runtime_error when none is found.
std::string resourceDirectory();

// A file under resources/, e.g. "models/default.pt". Throws InputError when it is missing.
std::string resourceFile(const std::string& relativePath, const std::string& what);

}  // namespace reslens::cli
