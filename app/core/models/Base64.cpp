#include "app/core/models/Base64.h"

#include <array>

namespace reslens {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::array<int, 256> decodingTable() {
    std::array<int, 256> table{};
    table.fill(-1);
    for (int i = 0; i < 64; ++i) {
        table[static_cast<unsigned char>(kAlphabet[i])] = i;
    }
    return table;
}

}  // namespace

std::string toBase64(const std::vector<char>& bytes) {
    std::string text;
    text.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        const size_t n = std::min<size_t>(3, bytes.size() - i);
        uint32_t group = 0;
        for (size_t k = 0; k < 3; ++k) {
            group = (group << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        }
        for (size_t k = 0; k < 4; ++k) {
            text += k <= n ? kAlphabet[(group >> (18 - 6 * k)) & 63] : '=';
        }
    }
    return text;
}

std::optional<std::vector<char>> fromBase64(const std::string& text) {
    static const std::array<int, 256> table = decodingTable();
    if (text.size() % 4 != 0) {
        return std::nullopt;
    }
    std::vector<char> bytes;
    bytes.reserve(text.size() / 4 * 3);
    for (size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        int padding = 0;
        uint32_t group = 0;
        for (size_t k = 0; k < 4; ++k) {
            const char c = text[i + k];
            if (c == '=' && last && k >= 2) {
                ++padding;
                group <<= 6;
                continue;
            }
            const int value = table[static_cast<unsigned char>(c)];
            if (value < 0 || padding > 0) {  // outside the alphabet, or data after '='
                return std::nullopt;
            }
            group = (group << 6) | static_cast<uint32_t>(value);
        }
        for (int k = 0; k < 3 - padding; ++k) {
            bytes.push_back(static_cast<char>((group >> (16 - 8 * k)) & 0xff));
        }
    }
    return bytes;
}

}  // namespace reslens
