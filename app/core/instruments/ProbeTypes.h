#pragma once

// Linear probes (Alain & Bengio 2016) in plain types.

#include <cstdint>
#include <string>
#include <vector>

namespace reslens {

struct BlockProbe {
    std::string name;      // "stem", "layer1.0", ...
    int stage = 0;         // 0 the stem, 1 the first residual stage, ...
    int64_t features = 0;  // channels of the block's globally averaged output
    double accuracy = 0;   // the probe's, on the test images
    bool converged = true;
};

struct ProbeResult {
    std::string title;  // "deep (resnet56)"
    std::string arch;
    std::string train;           // "fashion-mnist:train"
    std::string test;            // "fashion-mnist:test"
    int64_t samples = 0;         // training images the probes were fitted on
    int64_t testSamples = 0;     // test images they were scored on
    double networkAccuracy = 0;  // the network's own, on the same test images
    std::vector<BlockProbe> blocks;
    bool cancelled = false;
};

}  // namespace reslens
