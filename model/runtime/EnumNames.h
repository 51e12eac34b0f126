#pragma once

// Stable names for enum values, from one table per enum: the words that settings files,
// CLI flags and JSON documents use. A table is an array of {value, name} pairs.

#include <array>
#include <optional>
#include <string>
#include <utility>

namespace reslens {

template <typename Enum, size_t N>
using EnumNameTable = std::array<std::pair<Enum, const char*>, N>;

// The value's name; the table's first name for a value it lacks.
template <typename Enum, size_t N>
std::string enumName(const EnumNameTable<Enum, N>& table, Enum value) {
    for (const auto& [v, name] : table) {
        if (v == value) {
            return name;
        }
    }
    return table.front().second;
}

template <typename Enum, size_t N>
std::optional<Enum> enumFromName(const EnumNameTable<Enum, N>& table, const std::string& name) {
    for (const auto& [value, n] : table) {
        if (name == n) {
            return value;
        }
    }
    return std::nullopt;
}

}  // namespace reslens
