#pragma once

// Whether two images are the same, pixel for pixel (size, type and every value).

#include <opencv2/core.hpp>

inline bool samePixels(const cv::Mat& a, const cv::Mat& b) {
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}
