#pragma once

// Between OpenCV's 8-bit gray/RGB matrices (the imaging target) and QImage (the widgets).
// Both directions copy: a QImage over a cv::Mat's memory would not own it (docs/design.md).

#include <QImage>

namespace cv {
class Mat;
}

namespace reslens {

// CV_8UC1 -> Grayscale8, CV_8UC3 (RGB order) -> RGB888. Throws std::invalid_argument otherwise.
QImage qImageFromMat(const cv::Mat& mat);
// Any QImage -> CV_8UC3 RGB, transparent pixels composited on white (as decodeImage does).
cv::Mat matFromQImage(const QImage& image);

}  // namespace reslens
