#pragma once

// A Grad-CAM map drawn over the image the network received: the image enlarged (nearest
// neighbour, so its pixels stay visible) to at least `minSize` on its shorter side, the map
// upsampled bilinearly to the same size (half-pixel centres, as torch's
// interpolate(align_corners=False)), scaled by its maximum, coloured and blended.

#include <torch/types.h>

#include <opencv2/core/mat.hpp>

#include "imaging/GridStyle.h"

namespace reslens {

struct CamOverlayOptions {
    int minSize = 224;
    double opacity = 0.5;  // of the map over the image
    GridColormap colormap = GridColormap::Inferno;
};

// networkView: 8-bit gray or RGB; cam: [h, w], >= 0. Returns 8-bit RGB. An all-zero map
// (no evidence for the class there) leaves the image dimmed under the colormap's 0.
cv::Mat renderCamOverlay(const cv::Mat& networkView, const torch::Tensor& cam,
                         const CamOverlayOptions& options = {});

}  // namespace reslens
