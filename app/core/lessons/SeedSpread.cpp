#include "app/core/lessons/SeedSpread.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace reslens {

Quantity quantityOf(const std::string& name, QuantityKind kind, std::vector<double> values) {
    Quantity q;
    q.name = name;
    q.kind = kind;
    q.values = values;
    std::vector<double> finite;
    for (double v : values) {
        if (std::isfinite(v)) {
            finite.push_back(v);
        }
    }
    if (finite.empty()) {
        q.median = q.min = q.max = std::numeric_limits<double>::quiet_NaN();
        return q;
    }
    std::sort(finite.begin(), finite.end());
    const size_t n = finite.size();
    q.median = n % 2 ? finite[n / 2] : (finite[n / 2 - 1] + finite[n / 2]) / 2;
    q.min = finite.front();
    q.max = finite.back();
    return q;
}

double spreadOf(const std::vector<double>& values) {
    if (values.size() < 2) {
        return 0;
    }
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    return *high - *low;
}

Evidence weigh(const std::vector<double>& effect, const std::vector<double>& other) {
    for (double v : effect) {
        if (!std::isfinite(v)) {
            return Evidence::Unsettled;
        }
    }
    for (double v : other) {
        if (!std::isfinite(v)) {
            return Evidence::Unsettled;
        }
    }
    if (effect.size() < 2) {
        return Evidence::OneRun;
    }
    const bool allPositive =
        std::all_of(effect.begin(), effect.end(), [](double v) { return v > 0; });
    const bool allNegative =
        std::all_of(effect.begin(), effect.end(), [](double v) { return v < 0; });
    if (!allPositive && !allNegative) {
        return Evidence::Unsettled;
    }
    double smallest = std::abs(effect.front());
    for (double v : effect) {
        smallest = std::min(smallest, std::abs(v));
    }
    if (smallest <= spreadOf(other)) {
        return Evidence::Unsettled;
    }
    return allPositive ? Evidence::Holds : Evidence::Opposite;
}

std::string formatNumber(double value) {
    if (!std::isfinite(value)) {
        return std::isnan(value) ? "–" : value > 0 ? "∞" : "-∞";
    }
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    // "-0.00" says a sign the number does not have.
    std::string out = text;
    if (out.find_first_not_of("-0.") == std::string::npos && out[0] == '-') {
        out.erase(0, 1);
    }
    return out;
}

std::string formatQuantityValue(double value, QuantityKind kind) {
    if (kind == QuantityKind::Share && std::isfinite(value)) {
        char text[64];
        std::snprintf(text, sizeof text, "%.1f%%", 100 * value);
        return text;
    }
    return formatNumber(value);
}

}  // namespace reslens
