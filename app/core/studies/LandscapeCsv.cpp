#include "app/core/studies/LandscapeCsv.h"

#include <sstream>

namespace reslens {
namespace {

// Quoted when it holds a comma or a quote (titles such as "deep (resnet56)" do not).
std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (char c : text) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + '"';
}

}  // namespace

std::string landscapeCsv(const std::vector<NamedLandscape>& slices, uint64_t seed) {
    const bool twoD = !slices.empty() && !slices.front().result.betas.empty();
    std::ostringstream out;
    out.precision(9);
    out << (twoD ? "beta," : "") << "alpha,loss,accuracy,model,data,samples,seed\n";
    for (const NamedLandscape& slice : slices) {
        const LandscapeResult& r = slice.result;
        const std::string whose = csvField(slice.title) + ',' + csvField(slice.data) + ',' +
                                  std::to_string(r.samples) + ',' + std::to_string(seed);
        const size_t rows = twoD ? r.betas.size() : 1;
        for (size_t row = 0; row < rows; ++row) {
            for (size_t column = 0; column < r.alphas.size(); ++column) {
                const size_t i = row * r.alphas.size() + column;
                if (twoD) {
                    out << r.betas[row] << ',';
                }
                out << r.alphas[column] << ',' << r.loss[i] << ',' << r.accuracy[i] << ',' << whose
                    << '\n';
            }
        }
    }
    return out.str();
}

}  // namespace reslens
