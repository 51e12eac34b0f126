#include "model/runtime/JsonNumbers.h"

#include <limits>
#include <nlohmann/json.hpp>

#include "model/runtime/InputError.h"

namespace reslens {

int wholeNumber(const nlohmann::json& value, const std::string& field) {
    const bool fits = (value.is_number_unsigned() &&
                       value.get<uint64_t>() <= uint64_t(std::numeric_limits<int>::max())) ||
                      (value.is_number_integer() && !value.is_number_unsigned() &&
                       value.get<int64_t>() >= std::numeric_limits<int>::min() &&
                       value.get<int64_t>() <= std::numeric_limits<int>::max());
    if (!fits) {
        throw InputError(field + " must be a whole number of a sensible size, not " +
                         value.dump().substr(0, 40));
    }
    return static_cast<int>(value.get<int64_t>());
}

std::vector<int> wholeNumbers(const nlohmann::json& value, const std::string& field) {
    if (!value.is_array()) {
        throw InputError(field + " must be a list of whole numbers");
    }
    std::vector<int> numbers;
    for (const nlohmann::json& element : value) {
        numbers.push_back(wholeNumber(element, field));
    }
    return numbers;
}

}  // namespace reslens
