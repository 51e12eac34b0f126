#pragma once

// Reads a whole file into memory, with the errors a user can act on.

#include <cstddef>
#include <string>
#include <vector>

namespace reslens {

// Throws InputError for a missing, unreadable, empty or directory path. Returns the size.
size_t requireNonEmptyFile(const std::string& path);

// Throws InputError for a missing, unreadable, empty or directory path, or one larger than
// maxBytes.
std::vector<char> readFileBytes(const std::string& path, size_t maxBytes = size_t(4) << 30);

}  // namespace reslens
