#pragma once

// What a TorchScript module's forward graph says that its weights cannot: the stride of the
// stem's max-pool and where option A's zero channels go. Read from the inlined graph's
// operations (aten::max_pool2d, aten::constant_pad_nd), so a traced blog-post network with a
// stride-1 pool, or a CIFAR network padding at the end, needs no flag.

#include <map>
#include <optional>
#include <string>

#include "model/network/ResNetConfig.h"

namespace torch::jit {
struct Module;
}

namespace reslens {

// What a module's forward returns: a ReLU (a post-activation block's y = relu(F(x) + x)),
// a sum (a pre-activation block's y = F(x) + x), or something else.
enum class ForwardEnd { Relu, Add, Other };

struct GraphFacts {
    std::optional<int> stemPoolStride;  // 0: the graph has no max-pool
    std::optional<ZeroPadPlacement> zeroPad;
    std::map<std::string, ForwardEnd> ends;  // by module path ("layer1.0")
};

// Empty facts when the graph cannot be read (a module without forward, say).
GraphFacts readGraphFacts(const torch::jit::Module& module);

}  // namespace reslens
