#pragma once

// Bilinear resizing exactly as Pillow does it (Resample.c): a triangle filter widened by
// the scale factor when shrinking (antialiasing), fixed-point coefficients with 22 bits of
// precision, a horizontal pass rounded to 8 bits, then a vertical pass. torchvision's
// Resize on PIL images calls this, so matching it bit for bit makes our preprocessing
// reproduce torchvision's eval transform exactly, not approximately.

#include <opencv2/core/mat.hpp>

namespace reslens {

// src: CV_8UC1 or CV_8UC3. Returns a new image of width x height.
cv::Mat resizeBilinearLikePillow(const cv::Mat& src, int width, int height);

}  // namespace reslens
