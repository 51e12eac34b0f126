#pragma once

// The shattered-gradients instrument (Balduzzi et al. 2017) in plain types: what it is asked
// and what it answers, for the CLI's JSON and the app's charts without LibTorch.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/data/DataSpec.h"

namespace reslens {

struct GradientLineOptions {
    int points = 256;
    uint64_t seed = 0;  // the random direction's, and the fresh network's initialisation
    // x0: an image file, or image `index` of `data` (its test split unless it names one).
    std::string image;
    std::optional<DataSpec> data;
    int64_t index = 0;
    // The direction d: random (Gaussian, scaled to ‖x0‖) unless `towardsImage` names an
    // image, then d = x1 − x0, the way from x0 to it.
    std::string towardsImage;
    // The fresh network's batch-norm statistics: from this many training images of `data`
    // (drawn by the seed); without data, from the line's own points.
    int statisticsImages = 256;
};

// One network's derivative along the line.
struct LineCurve {
    std::vector<double> derivative;       // d/dt f(x(t)) at each t
    std::vector<double> autocorrelation;  // of the derivative minus its mean, by lag 0..P-1
    int lag = 0;     // the first lag with autocorrelation below 0.5 (P when none)
    int target = 0;  // the logit followed: the top-1 class at x0
    std::string targetLabel;

    // max |d/dt| over the line: the scale both faces quote (a fresh plain network's is orders
    // of magnitude a ResNet's); 0 for an empty curve.
    double largest() const {
        double value = 0;
        for (double d : derivative) {
            value = std::max(value, std::abs(d));
        }
        return value;
    }
};

struct GradientLineResult {
    std::string title;  // "deep (resnet56)"
    std::string arch;
    std::string input;       // "fashion-mnist:test #0" or the image's file name
    std::string direction;   // "random (seed 0)" or "towards sneaker.png"
    std::string statistics;  // where the fresh network's batch-norm statistics came from
    std::vector<double> t;
    LineCurve model;  // the trained network
    LineCurve fresh;  // the same architecture freshly initialised with the seed
    bool cancelled = false;
};

// The depth sweep: fresh CIFAR-family networks of three depths, with and without skips, on
// the same line.
struct DepthSweepEntry {
    std::string arch;  // "resnet20", "plain20", ...
    int depth = 0;
    bool skip = true;
    LineCurve curve;
};

struct DepthSweepResult {
    std::string input;
    std::string statistics;
    std::vector<double> t;
    std::vector<DepthSweepEntry> entries;
    bool cancelled = false;
};

}  // namespace reslens
