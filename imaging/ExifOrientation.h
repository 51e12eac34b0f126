#pragma once

// EXIF orientation (tag 0x0112) of JPEG files. OpenCV applies it only when it also
// converts the image (and drops alpha and 16-bit depth), so ResLens decodes unchanged and
// applies the orientation itself.

#include <opencv2/core/mat.hpp>

#include <vector>

namespace reslens {

// 1 (as stored) to 8; 1 when the file has no EXIF orientation or is not a JPEG.
int jpegExifOrientation(const std::vector<char>& bytes);

// Turns an image stored with EXIF orientation `orientation` upright.
cv::Mat applyExifOrientation(const cv::Mat& image, int orientation);

}  // namespace reslens
