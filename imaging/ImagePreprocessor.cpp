#include "imaging/ImagePreprocessor.h"

#include <torch/torch.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cfenv>
#include <cmath>

#include "imaging/PilResize.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

// Python's round(): halves to even, as torchvision's CenterCrop computes its offsets.
int roundHalfEven(double value) {
    const int saved = std::fegetround();
    std::fesetround(FE_TONEAREST);
    const double rounded = std::nearbyint(value);
    std::fesetround(saved);
    return static_cast<int>(rounded);
}

// torchvision's center_crop, including its zero padding of images smaller than the crop.
cv::Mat centerCrop(const cv::Mat& image, int cropHeight, int cropWidth) {
    cv::Mat source = image;
    if (cropWidth > source.cols || cropHeight > source.rows) {
        const int padLeft = cropWidth > source.cols ? (cropWidth - source.cols) / 2 : 0;
        const int padTop = cropHeight > source.rows ? (cropHeight - source.rows) / 2 : 0;
        const int padRight = cropWidth > source.cols ? (cropWidth - source.cols + 1) / 2 : 0;
        const int padBottom = cropHeight > source.rows ? (cropHeight - source.rows + 1) / 2 : 0;
        cv::copyMakeBorder(source, source, padTop, padBottom, padLeft, padRight,
                           cv::BORDER_CONSTANT, cv::Scalar::all(0));
    }
    const int top = roundHalfEven((source.rows - cropHeight) / 2.0);
    const int left = roundHalfEven((source.cols - cropWidth) / 2.0);
    return source(cv::Rect(left, top, cropWidth, cropHeight)).clone();
}

// Mean of the outermost ring of pixels: the background of a centred object.
double borderMean(const cv::Mat& image) {
    const int h = image.rows, w = image.cols;
    if (h < 3 || w < 3) {
        return cv::mean(image)[0];
    }
    cv::Mat mask(h, w, CV_8U, cv::Scalar(255));
    mask(cv::Rect(1, 1, w - 2, h - 2)).setTo(0);
    const cv::Scalar m = cv::mean(image, mask);
    double sum = 0;
    for (int c = 0; c < image.channels(); ++c) {
        sum += m[c];
    }
    return sum / image.channels();
}

}  // namespace

cv::Mat toGrayLikePillow(const cv::Mat& rgb) {
    cv::Mat gray(rgb.size(), CV_8UC1);
    for (int y = 0; y < rgb.rows; ++y) {
        const uint8_t* in = rgb.ptr<uint8_t>(y);
        uint8_t* out = gray.ptr<uint8_t>(y);
        for (int x = 0; x < rgb.cols; ++x) {
            out[x] = static_cast<uint8_t>(
                (in[3 * x] * 19595 + in[3 * x + 1] * 38470 + in[3 * x + 2] * 7471 + 0x8000) >> 16);
        }
    }
    return gray;
}

std::pair<int, int> resizedSize(int width, int height, int shorter) {
    const int shortSide = std::min(width, height), longSide = std::max(width, height);
    if (shortSide == shorter) {
        return {width, height};
    }
    const int newLong = static_cast<int>(static_cast<double>(shorter) * longSide / shortSide);
    return width <= height ? std::pair{shorter, newLong} : std::pair{newLong, shorter};
}

PreparedImage prepareImage(const DecodedImage& image, const Preprocessing& p) {
    p.validate();
    if (p.channels != 1 && p.channels != 3) {
        throw InputError("the model takes " + std::to_string(p.channels) +
                         "-channel input; images give 1 (gray) or 3 (RGB)");
    }
    cv::Mat pixels = image.pixels;
    if (p.channels == 1 && pixels.channels() == 3) {
        pixels = toGrayLikePillow(pixels);
    } else if (p.channels == 3 && pixels.channels() == 1) {
        cv::cvtColor(pixels, pixels, cv::COLOR_GRAY2RGB);
    }
    const auto [width, height] = resizedSize(pixels.cols, pixels.rows, p.resizeShorterSide);
    if (width != pixels.cols || height != pixels.rows) {
        pixels = resizeBilinearLikePillow(pixels, width, height);
    }
    PreparedImage prepared;
    prepared.networkView = centerCrop(pixels, p.cropHeight, p.cropWidth);
    if (p.invert == InvertPolicy::WhenBackgroundLight && borderMean(prepared.networkView) > 127.5) {
        cv::bitwise_not(prepared.networkView, prepared.networkView);
        prepared.inverted = true;
    }

    // torchvision's ToTensor and Normalize, in the same float32 operations.
    const cv::Mat& view = prepared.networkView;
    const torch::Tensor bytes =
        torch::from_blob(view.data, {view.rows, view.cols, view.channels()}, torch::kUInt8);
    const auto options = torch::TensorOptions().dtype(torch::kFloat);
    const torch::Tensor mean = torch::tensor(std::vector<double>(p.mean), options).view({-1, 1, 1});
    const torch::Tensor std = torch::tensor(std::vector<double>(p.std), options).view({-1, 1, 1});
    prepared.tensor =
        bytes.permute({2, 0, 1}).contiguous().to(torch::kFloat).div(255).sub_(mean).div_(std);
    return prepared;
}

}  // namespace reslens
