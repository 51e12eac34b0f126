#pragma once

// What one training step reports, in plain values (no LibTorch): the CLI's log and the app's
// live charts take it as it is.

#include <cstdint>
#include <vector>

namespace reslens {

struct StepReport {
    int64_t step = 0;  // 1-based: steps done
    int64_t totalSteps = 0;
    double epoch = 0;  // fractional epochs seen
    double loss = 0;
    double accuracy = 0;  // on this batch
    double learningRate = 0;
    std::vector<double> blockGradientNorms;   // per block: L2 over its parameters' gradients
    std::vector<double> outputGradientNorms;  // per block: L2 of the gradient at its output
};

}  // namespace reslens
