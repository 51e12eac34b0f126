#pragma once

// What a TorchScript module's forward graph says that its weights cannot: the stride of the
// stem's max-pool and where option A's zero channels go. Read from the inlined graph's
// operations (aten::max_pool2d, aten::constant_pad_nd), so a traced blog-post network with a
// stride-1 pool, or a CIFAR network padding at the end, needs no flag.

#include <optional>

#include "model/network/ResNetConfig.h"

namespace torch::jit {
struct Module;
}

namespace reslens {

struct GraphFacts {
    std::optional<int> stemPoolStride;  // 0: the graph has no max-pool
    std::optional<ZeroPadPlacement> zeroPad;
};

// Empty facts when the graph cannot be read (a module without forward, say).
GraphFacts readGraphFacts(const torch::jit::Module& module);

}  // namespace reslens
