#pragma once

// Linear centred kernel alignment (Kornblith et al. 2019, "Similarity of neural network
// representations revisited", eq. 2 with a linear kernel): how alike two representations of
// the same n examples are, invariant to rotation and isotropic scaling, 1 for the same up to
// those, near 0 for unrelated ones. Computed from Gram matrices (n × n), so that the cost does
// not grow with a block's width × height: with K = XXᵀ, L = YYᵀ and H the centring matrix,
// CKA = ⟨HKH, HLH⟩ / (‖HKH‖ ‖HLH‖), the same number as ‖YᵀX‖² / (‖XᵀX‖ ‖YᵀY‖) on centred
// features.

#include <torch/types.h>

namespace reslens {

// The centred linear Gram matrix H X Xᵀ H of features [n, ...] (flattened per example), in
// float64 on the CPU.
torch::Tensor centredGram(const torch::Tensor& features);

// Linear CKA of two centred Gram matrices of the same examples. 0 when either
// representation does not vary at all over the examples.
double linearCka(const torch::Tensor& centredGramX, const torch::Tensor& centredGramY);

}  // namespace reslens
