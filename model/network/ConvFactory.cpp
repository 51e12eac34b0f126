#include "model/network/ConvFactory.h"

namespace reslens {

torch::nn::Conv2d conv3x3(int inChannels, int outChannels, int stride, bool bias, int groups) {
    return torch::nn::Conv2d(torch::nn::Conv2dOptions(inChannels, outChannels, 3)
                                 .stride(stride)
                                 .padding(1)
                                 .bias(bias)
                                 .groups(groups));
}

torch::nn::Conv2d conv1x1(int inChannels, int outChannels, int stride, bool bias) {
    return torch::nn::Conv2d(
        torch::nn::Conv2dOptions(inChannels, outChannels, 1).stride(stride).bias(bias));
}

}  // namespace reslens
