#pragma once

// What a residual block reports to its forward hooks: y = F(x) + shortcut(x), each term
// captured before the addition. Tensors are shared, not copied; a hook that keeps one
// beyond the call must detach/clone it itself.

#include <torch/types.h>

#include <string>

namespace reslens {

struct BlockTrace {
    const std::string& name;
    const torch::Tensor& input;     // x, as the block received it
    const torch::Tensor& residual;  // F(x), the branch output before the addition
    const torch::Tensor& shortcut;  // what is added to F(x); undefined for a plain block
    const torch::Tensor& output;    // the block output
    // Bypassed by a lesion (LesionMask): F(x) was not computed; `residual` is zeros of the
    // output's shape so that sums over it stay defined.
    bool bypassed = false;
};

}  // namespace reslens
