#include "imaging/CamOverlay.h"

#include <torch/torch.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "imaging/FeatureGrid.h"

namespace reslens {

cv::Mat renderCamOverlay(const cv::Mat& networkView, const torch::Tensor& cam,
                         const CamOverlayOptions& options) {
    if (networkView.empty() || networkView.depth() != CV_8U ||
        (networkView.channels() != 1 && networkView.channels() != 3)) {
        throw std::invalid_argument("Grad-CAM overlay: expected an 8-bit gray or RGB image");
    }
    if (cam.dim() != 2 || cam.numel() == 0) {
        throw std::invalid_argument("Grad-CAM overlay: expected an [H, W] map");
    }
    torch::NoGradGuard noGrad;
    const int shorter = std::min(networkView.rows, networkView.cols);
    const int scale = std::max(1, (options.minSize + shorter - 1) / shorter);
    const int height = networkView.rows * scale, width = networkView.cols * scale;

    cv::Mat rgb;
    if (networkView.channels() == 1) {
        cv::cvtColor(networkView, rgb, cv::COLOR_GRAY2RGB);
    } else {
        rgb = networkView;
    }
    cv::Mat image;
    cv::resize(rgb, image, cv::Size(width, height), 0, 0, cv::INTER_NEAREST);

    torch::Tensor map =
        torch::upsample_bilinear2d(
            cam.detach().to(torch::kCPU, torch::kFloat).view({1, 1, cam.size(0), cam.size(1)}),
            {height, width}, /*align_corners=*/false)
            .view({height, width});
    const float peak = map.max().item<float>();
    map = peak > 0 ? map / peak : torch::zeros_like(map);
    const torch::Tensor levels = map.mul(255).round().clamp(0, 255).to(torch::kLong);
    const torch::Tensor colours = colormapTable(options.colormap).index({levels}).to(torch::kFloat);
    const torch::Tensor pixels =
        torch::from_blob(image.data, {height, width, 3}, torch::kUInt8).to(torch::kFloat);
    const torch::Tensor blended = (pixels * (1 - options.opacity) + colours * options.opacity)
                                      .round()
                                      .clamp(0, 255)
                                      .to(torch::kUInt8)
                                      .contiguous();
    cv::Mat out(height, width, CV_8UC3);
    std::memcpy(out.data, blended.data_ptr<uint8_t>(), static_cast<size_t>(blended.numel()));
    return out;
}

}  // namespace reslens
