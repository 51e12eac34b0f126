#pragma once

// Prepares a decoded image as a model's Preprocessing says. Two framings:
// - whole image, the way torchvision's eval transforms do on PIL images: convert
//   (gray/RGB), resize the shorter side (Pillow's bilinear, bit for bit), center-crop,
//   optionally invert;
// - crop to object, the way Fashion-MNIST was made from product photos (Xiao et al. 2017,
//   §2): convert, find the object (ObjectFinder), pad its box with the background to the
//   input's shape, resize with Pillow's bilinear, negate a light background and map the
//   background to 0. An image already in the dataset's own style — at the input size, on
//   a dark background — is taken whole, so the dataset's images come out exactly as they
//   are stored.
// Then both scale to [0, 1] and normalise as torchvision's ToTensor and Normalize.

#include <torch/types.h>

#include <opencv2/core/mat.hpp>

#include "imaging/ImageDecoder.h"
#include "imaging/ObjectFinder.h"
#include "model/data/Preprocessing.h"

namespace reslens {

struct PreparedImage {
    torch::Tensor tensor;  // [C, H, W] float32, normalised: what the network receives
    cv::Mat networkView;   // the same pixels before normalisation, 8-bit gray or RGB
    bool inverted = false;
    ObjectSearch object;           // searched for with Framing::CropToObject only
    bool croppedToObject = false;  // the network view is the object's box, not the frame
    cv::Rect window;               // the part of the image the network sees, in its pixels
};

// Throws InputError when the preprocessing cannot be applied.
PreparedImage prepareImage(const DecodedImage& image, const Preprocessing& preprocessing);

// PIL's convert("L"): ITU-R 601-2 luma in 16-bit fixed point.
cv::Mat toGrayLikePillow(const cv::Mat& rgb);

// The size torchvision's Resize(shorter) gives: the shorter side becomes `shorter`, the
// longer int(shorter * long / short). Returns {width, height}. Throws InputError when that
// would exceed 256 × 65,536 pixels (16.8 MP: beyond 256:1 at a short side of 256).
std::pair<int, int> resizedSize(int width, int height, int shorter);

}  // namespace reslens
