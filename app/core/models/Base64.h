#pragma once

// Base64 (RFC 4648, with padding) for the weights kept inside a saved-run file.

#include <optional>
#include <string>
#include <vector>

namespace reslens {

std::string toBase64(const std::vector<char>& bytes);
// nullopt unless `text` is canonical base64 (length a multiple of 4, only the alphabet,
// padding only at the end).
std::optional<std::vector<char>> fromBase64(const std::string& text);

}  // namespace reslens
