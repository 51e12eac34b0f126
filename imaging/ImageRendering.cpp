#include "imaging/ImageRendering.h"

#include <torch/torch.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <stdexcept>

#include "model/files/AtomicFileWriter.h"

namespace reslens {

cv::Mat renderNetworkInput(const torch::Tensor& input, const Preprocessing& p) {
    torch::Tensor x = input.detach().to(torch::kCPU, torch::kFloat);
    if (x.dim() == 4 && x.size(0) == 1) {
        x = x.squeeze(0);
    }
    if (x.dim() != 3 || x.size(0) != static_cast<int64_t>(p.mean.size())) {
        throw std::invalid_argument("network input: expected [C, H, W] with C = " +
                                    std::to_string(p.mean.size()));
    }
    const auto options = torch::TensorOptions().dtype(torch::kFloat);
    const torch::Tensor mean = torch::tensor(p.mean, options).view({-1, 1, 1});
    const torch::Tensor std = torch::tensor(p.std, options).view({-1, 1, 1});
    torch::Tensor pixels = (x * std + mean).mul_(255).round_().clamp_(0, 255).to(torch::kUInt8);
    if (pixels.size(0) == 1) {
        pixels = pixels.expand({3, -1, -1});
    } else if (pixels.size(0) != 3) {
        pixels = pixels.narrow(0, 0, 1).expand({3, -1, -1});  // show the first channel
    }
    pixels = pixels.permute({1, 2, 0}).contiguous();
    return cv::Mat(static_cast<int>(pixels.size(0)), static_cast<int>(pixels.size(1)), CV_8UC3,
                   pixels.data_ptr<uint8_t>())
        .clone();
}

namespace {

std::vector<char> encode(const cv::Mat& image, const char* extension,
                         const std::vector<int>& parameters) {
    cv::Mat bgr = image;
    if (image.channels() == 3) {
        cv::cvtColor(image, bgr, cv::COLOR_RGB2BGR);
    }
    std::vector<uchar> bytes;
    if (!cv::imencode(extension, bgr, bytes, parameters)) {
        throw std::runtime_error(std::string("cannot encode the image as ") + extension);
    }
    return std::vector<char>(bytes.begin(), bytes.end());
}

}  // namespace

std::vector<char> encodePng(const cv::Mat& image) {
    return encode(image, ".png", {});
}

std::vector<char> encodeJpeg(const cv::Mat& image, int quality) {
    return encode(image, ".jpg", {cv::IMWRITE_JPEG_QUALITY, quality});
}

void writePng(const std::string& path, const cv::Mat& image) {
    writeFileAtomically(path, encodePng(image));
}

}  // namespace reslens
