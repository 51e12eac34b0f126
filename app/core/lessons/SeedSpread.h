#pragma once

// A lesson's number over its seeds, and the rule that decides whether a comparison holds
// (issue 33): a comparative sentence is shown only when the effect has the same sign in
// every seed and its smallest size exceeds the spread of the other network over the seeds.

#include <string>
#include <vector>

namespace reslens {

enum class QuantityKind {
    Number,  // written as it is: a loss, a ratio, a count
    Share,   // a fraction written as a percentage: 0.934 -> "93.4%"
};

struct Quantity {
    std::string name;  // e.g. "plain56.lastLoss"
    QuantityKind kind = QuantityKind::Number;
    std::vector<double> values;  // one per seed, in the seeds' order; NaN: not measured
    // Over the finite values (NaN when there is none); the median of an even count is the
    // mean of the two middle ones.
    double median = 0;
    double min = 0;
    double max = 0;
};

Quantity quantityOf(const std::string& name, QuantityKind kind, std::vector<double> values);

enum class Evidence {
    OneRun,    // a single seed: it shows what happened once, it settles nothing
    Holds,     // every effect > 0 and the smallest exceeds the other network's spread
    Opposite,  // every effect < 0, the smallest in size exceeding that spread
    Unsettled  // the sign changed between seeds, or the effect was within the spread
};

// `effect[i]`: seed i's difference in the direction the lesson expects (positive: as
// expected); `other`: the other network's values over the same seeds, whose range (max -
// min) is the spread the smallest effect must exceed. A NaN anywhere is Unsettled.
Evidence weigh(const std::vector<double>& effect, const std::vector<double>& other);

// The range of the values (max - min), 0 for fewer than two.
double spreadOf(const std::vector<double>& values);

// A number as the lessons write it: 2 decimals below 10, 1 below 100, else none;
// "–" for NaN.
std::string formatNumber(double value);
std::string formatQuantityValue(double value, QuantityKind kind);  // Share: "93.4%"

}  // namespace reslens
