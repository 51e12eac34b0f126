#pragma once

// Finds the object in a product photo, as the first step of Fashion-MNIST's own conversion
// (Xiao, Rasul and Vollgraf 2017, §2: "trim the edges close to the colour of the corner
// pixels"). Made to survive what real photos add: JPEG noise, sensor noise, a soft shadow,
// a background lit unevenly. The background is estimated from the image's border — a
// plane fitted to the border ring, so a gentle gradient in the lighting is not mistaken
// for the object — and the object is every pixel that stands out from that plane by more
// than the noise allows, specks removed.

#include <opencv2/core/mat.hpp>

namespace reslens {

struct ObjectSearch {
    bool found = false;         // false: a uniform image, nothing stands out
    cv::Rect box;               // the object's bounding box, in the image's pixels
    cv::Scalar background;      // the background colour (per channel, border median)
    double backgroundLuma = 0;  // the same in gray levels, 0..255
    bool lightBackground() const { return backgroundLuma > 127.5; }
};

// image: CV_8UC1 or CV_8UC3 (RGB). Never throws for a valid image; an image of any size
// (1x1 included) gives an answer.
ObjectSearch findObject(const cv::Mat& image);

}  // namespace reslens
