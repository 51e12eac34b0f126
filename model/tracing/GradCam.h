#pragma once

// Grad-CAM (Selvaraju et al. 2017) at the stem's output or at any block's output (after
// the addition): with A the [K, H, W] activation of one image there and y_c the logit of
// class c, w_k = mean over (h, w) of dy_c/dA_k and cam = ReLU(sum_k w_k A_k), at the
// activation's resolution. The gradient is taken with respect to the activation alone
// (torch::autograd::grad), so no parameter's .grad is touched; the network is run in eval
// mode and put back in the mode it was in.

#include <torch/types.h>

#include <cstdint>
#include <string>

namespace reslens {

class ResNetImpl;

struct GradCam {
    torch::Tensor cam;      // [H, W] float on the CPU, unnormalised, >= 0
    torch::Tensor weights;  // [K] the channel weights w_k
    torch::Tensor logits;   // [classes]
    int64_t classIndex = 0;
    double probability = 0;  // softmax of the logits at classIndex
};

// The name of the stem's output as a Grad-CAM target.
inline const char* const kStemTarget = "stem";

// input: one prepared image, [1, C, H, W] on the network's device. target: kStemTarget or a
// block name. classIndex < 0: the top-1 class. Throws InputError for an unknown target or a
// class out of range, and for a batch of more than one image.
GradCam computeGradCam(ResNetImpl& network, const torch::Tensor& input, const std::string& target,
                       int64_t classIndex = -1);

}  // namespace reslens
