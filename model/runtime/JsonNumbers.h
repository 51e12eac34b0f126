#pragma once

// Whole numbers read from JSON a user's file supplied. nlohmann's get<int>() converts a
// float (1e61) or an out-of-range integer (5e9) with a plain cast, which is undefined
// behaviour or a silent wrap-around; these refuse both with an InputError naming the field.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace reslens {

int wholeNumber(const nlohmann::json& value, const std::string& field);
std::vector<int> wholeNumbers(const nlohmann::json& value, const std::string& field);

}  // namespace reslens
