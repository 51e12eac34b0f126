#include "app/cli/common/TextFormat.h"

#include <ctime>

#include <cstdio>

namespace reslens::cli {

std::string withThousands(int64_t value) {
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -value : value);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out += ',';
        }
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

std::string withSiPrefix(double value, int decimals) {
    const char* prefix = "";
    if (value >= 1e9) {
        value /= 1e9;
        prefix = " G";
    } else if (value >= 1e6) {
        value /= 1e6;
        prefix = " M";
    } else if (value >= 1e3) {
        value /= 1e3;
        prefix = " k";
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f%s", decimals, value, prefix);
    return buffer;
}

}  // namespace reslens::cli
