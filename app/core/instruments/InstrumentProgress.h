#pragma once

// What the instruments (gradient line, similarity, probes) report while they run: how much
// is done, of how much, and what runs now ("fresh resnet56: points 64 of 256"). Return false
// to stop: the study then comes back marked cancelled with what it had.

#include <functional>
#include <string>

namespace reslens {

using InstrumentProgress = std::function<bool(int done, int total, const std::string& what)>;

}  // namespace reslens
