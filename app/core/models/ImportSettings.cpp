#include "app/core/models/ImportSettings.h"

#include <cmath>
#include <cstdlib>

#include "model/data/Preprocessing.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

bool parseWhole(const std::string& text, int& value) {
    if (text.empty() || text.size() > 5) {
        return false;
    }
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    value = std::stoi(text);
    return true;
}

}  // namespace

int ImportSettings::parseStemPoolStride(const std::string& text) {
    int stride = 0;
    if (text == "none") {
        return 0;
    }
    if (!parseWhole(text, stride) || stride < 1 || stride > 4) {
        throw InputError("--stem-pool-stride must be 1, 2, 3, 4 or none, not '" + text + "'");
    }
    return stride;
}

ZeroPadPlacement ImportSettings::parseZeroPad(const std::string& text) {
    if (text == "end") {
        return ZeroPadPlacement::End;
    }
    if (text == "both") {
        return ZeroPadPlacement::Both;
    }
    throw InputError("--shortcut-a-padding must be end or both, not '" + text + "'");
}

std::vector<double> ImportSettings::parseTriple(const std::string& text, const std::string& what) {
    std::vector<double> values;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = text.find(',', start);
        const std::string part =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        char* end = nullptr;
        const double value = std::strtod(part.c_str(), &end);
        if (part.empty() || end != part.c_str() + part.size() || !std::isfinite(value)) {
            throw InputError(what +
                             " takes numbers separated by commas (e.g. 0.485,0.456,0.406), "
                             "not '" +
                             text + "'");
        }
        values.push_back(value);
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 1;
    }
    if (values.size() > 4096) {
        throw InputError(what + " has more values than any network has channels");
    }
    return values;
}

void ImportSettings::applyTo(ResNetConfig& config) const {
    if (input) {
        config.inputHeight = input->first;
        config.inputWidth = input->second;
    }
}

void ImportSettings::applyTo(Preprocessing& preprocessing) const {
    for (const auto* values : {&mean, &std}) {
        if (*values && values->value().size() != static_cast<size_t>(preprocessing.channels)) {
            throw InputError(std::string(values == &mean ? "--mean" : "--std") + " has " +
                             std::to_string(values->value().size()) +
                             " values; the network takes " +
                             std::to_string(preprocessing.channels) + " channels");
        }
    }
    if (mean) {
        preprocessing.mean = *mean;
        preprocessing.name = "custom";
    }
    if (std) {
        preprocessing.std = *std;
        preprocessing.name = "custom";
    }
    preprocessing.validate();
}

}  // namespace reslens
