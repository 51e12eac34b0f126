#pragma once

// Reads a file that may be gzip-compressed (detected by its magic bytes, not its name).

#include <cstddef>
#include <string>
#include <vector>

namespace reslens {

// The file's bytes, inflated when it is gzip. Throws InputError for a missing file, a
// corrupt or truncated gzip stream, or more than maxBytes of content.
std::vector<char> readMaybeGzipped(const std::string& path, size_t maxBytes = size_t(1) << 30);

}  // namespace reslens
