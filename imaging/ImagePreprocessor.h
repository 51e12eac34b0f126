#pragma once

// Prepares a decoded image as a model's Preprocessing says, the way torchvision's eval
// transforms do on PIL images: convert (gray/RGB), resize the shorter side (Pillow's
// bilinear, bit for bit), center-crop, optionally invert, scale to [0, 1], normalise.

#include <torch/types.h>

#include <opencv2/core/mat.hpp>

#include "imaging/ImageDecoder.h"
#include "model/data/Preprocessing.h"

namespace reslens {

struct PreparedImage {
    torch::Tensor tensor;  // [C, H, W] float32, normalised: what the network receives
    cv::Mat networkView;   // the same pixels before normalisation, 8-bit gray or RGB
    bool inverted = false;
};

// Throws InputError when the preprocessing cannot be applied.
PreparedImage prepareImage(const DecodedImage& image, const Preprocessing& preprocessing);

// PIL's convert("L"): ITU-R 601-2 luma in 16-bit fixed point.
cv::Mat toGrayLikePillow(const cv::Mat& rgb);

// The size torchvision's Resize(shorter) gives: the shorter side becomes `shorter`, the
// longer int(shorter * long / short). Returns {width, height}.
std::pair<int, int> resizedSize(int width, int height, int shorter);

}  // namespace reslens
