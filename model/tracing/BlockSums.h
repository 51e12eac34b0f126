#pragma once

// The sums every per-block statistic is derived from, computed in one pass over F(x), the
// shortcut and the output instead of one pass per statistic. On the CPU this is what keeps
// a fully probed forward close to an untraced one.

#include <torch/types.h>

namespace reslens {

// Columns of the tensor blockSums() returns, one row per image.
enum BlockSumColumn {
    kSumResidual,               // sum F
    kSumResidualSquared,        // sum F^2
    kSumShortcutSquared,        // sum s^2   (0 for a plain block)
    kSumResidualTimesShortcut,  // sum F*s (0 for a plain block)
    kSumOutputSquared,          // sum y^2
    kBlockSumColumns
};

// [batch, kBlockSumColumns] float64 on the CPU for CPU inputs, on the inputs' device
// otherwise. shortcut may be undefined.
torch::Tensor blockSums(const torch::Tensor& residual, const torch::Tensor& shortcut,
                        const torch::Tensor& output);

// sum of squares per image: [batch] float64.
torch::Tensor sumOfSquaresPerImage(const torch::Tensor& t);

}  // namespace reslens
