#pragma once

// torchvision's conv3x3 / conv1x1 helpers. Convolutions carry a bias only in networks
// without batch norm, where nothing else would shift their output.

#include <torch/nn/modules/conv.h>

namespace reslens {

torch::nn::Conv2d conv3x3(int inChannels, int outChannels, int stride, bool bias, int groups = 1);
torch::nn::Conv2d conv1x1(int inChannels, int outChannels, int stride, bool bias);

}  // namespace reslens

namespace reslens {

// Output size along one axis of a convolution or pooling made here: every one of them
// pads kernel/2 on each side (3x3 pad 1, 1x1 pad 0, 7x7 pad 3, 3x3 max-pool pad 1).
inline int convOutputSize(int inputSize, int kernel, int stride) {
    return (inputSize + 2 * (kernel / 2) - kernel) / stride + 1;
}

}  // namespace reslens
