#pragma once

// Block-to-block similarity (Kornblith et al. 2019's linear CKA) in plain types.

#include <cstdint>
#include <string>
#include <vector>

namespace reslens {

struct SimilarityResult {
    std::string title;  // "deep (resnet56)"
    std::string arch;
    std::string data;  // "fashion-mnist:test"
    int64_t samples = 0;
    std::vector<std::string> blocks;       // "stem", "layer1.0", ...
    std::vector<int> stages;               // per block: 0 the stem, 1 the first residual stage, ...
    std::vector<std::vector<double>> cka;  // symmetric, ones on the diagonal
    bool cancelled = false;
};

}  // namespace reslens
