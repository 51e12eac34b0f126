#pragma once

// Tensors back to pictures: the network's input as it sees it, and PNG files.

#include <torch/types.h>

#include <opencv2/core/mat.hpp>

#include <string>
#include <vector>

#include "model/data/Preprocessing.h"

namespace reslens {

// A prepared [C, H, W] (or [1, C, H, W]) input, un-normalised to 8-bit RGB (gray replicated).
cv::Mat renderNetworkInput(const torch::Tensor& input, const Preprocessing& preprocessing);

// PNG bytes of an 8-bit gray or RGB image.
std::vector<char> encodePng(const cv::Mat& image);
// JPEG bytes (quality 0-100) of an 8-bit gray or RGB image.
std::vector<char> encodeJpeg(const cv::Mat& image, int quality = 90);
// Atomic: a failed write leaves no half-written file. Throws std::runtime_error.
void writePng(const std::string& path, const cv::Mat& image);

}  // namespace reslens
