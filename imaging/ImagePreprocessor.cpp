#include "imaging/ImagePreprocessor.h"

#include <torch/torch.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
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

// The object's box grown to the input's aspect ratio around its centre: the object fills
// the longer side, as Fashion-MNIST resized the longest edge to 28 and centred the product.
// An image with an extreme aspect ratio (a few pixels by millions) passes the decoder's
// pixel limit and then asks for gigantic intermediates: resized so that its short side
// fits, or padded to the input's shape around a long thin object. Such an image is not a
// photo of anything; it is refused before anything that large is allocated. Resized to a
// short side of 256, any aspect up to 256:1 fits in 256 × 65,536 pixels; a window stays under
// the decoder's own 100-megapixel limit unless the object is a line across a huge image.
constexpr double kResizedLimit = 256.0 * 65536;
constexpr double kWindowLimit = 100e6;
void requireWorkingSize(double pixels, double limit, int width, int height, const char* what) {
    if (pixels > limit) {
        throw InputError("a " + std::to_string(width) + "×" + std::to_string(height) +
                         " image is too long and thin to prepare: " + what + " it would be " +
                         std::to_string(int64_t(pixels / 1e6)) + " megapixels");
    }
}

cv::Rect objectWindow(const cv::Rect& box, int inputWidth, int inputHeight) {
    const double aspect = static_cast<double>(inputWidth) / inputHeight;
    int width = box.width, height = box.height;
    if (width > height * aspect) {
        height = std::max(1, static_cast<int>(std::lround(width / aspect)));
    } else {
        width = std::max(1, static_cast<int>(std::lround(height * aspect)));
    }
    return {box.x + (box.width - width) / 2, box.y + (box.height - height) / 2, width, height};
}

// The window's pixels; where it reaches past the image, the background colour.
cv::Mat cutOut(const cv::Mat& image, const cv::Rect& window, const cv::Scalar& background) {
    const cv::Rect inside = window & cv::Rect(0, 0, image.cols, image.rows);
    cv::Mat cut;
    cv::copyMakeBorder(image(inside), cut, inside.y - window.y,
                       window.y + window.height - inside.y - inside.height, inside.x - window.x,
                       window.x + window.width - inside.x - inside.width, cv::BORDER_CONSTANT,
                       background);
    return cut;
}

// Fashion-MNIST sharpened every product after resizing it, "using a Gaussian operator of
// the radius and standard deviation of 1.0" (Xiao et al. 2017, §2): an unsharp mask. The
// paper gives no strength; 2 is what brings photos closest to the dataset — on
// tests/photos' photo-style set the shipped ResNet-20 is right on 82% unsharpened, 90% at
// strength 1, 92% at 2 and no better at 3 (docs/benchmarks.md).
void sharpenLikeFashionMnist(cv::Mat& view) {
    constexpr double kStrength = 2.0;
    cv::Mat blurred;
    cv::GaussianBlur(view, blurred, cv::Size(0, 0), 1.0);
    cv::addWeighted(view, 1 + kStrength, blurred, -kStrength, 0, view);
}

// Fashion-MNIST's objects lie on exact black: the background level becomes 0 and the range
// above it is stretched back to 0..255, per channel.
void mapBackgroundToBlack(cv::Mat& view, const cv::Scalar& background) {
    std::vector<cv::Mat> planes;
    cv::split(view, planes);
    for (size_t c = 0; c < planes.size(); ++c) {
        const double level = std::clamp(background[static_cast<int>(c)], 0.0, 254.0);
        planes[c].convertTo(planes[c], CV_8U, 255.0 / (255.0 - level),
                            -level * 255.0 / (255.0 - level));
    }
    cv::merge(planes, view);
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
    const double newLong = static_cast<double>(shorter) * longSide / shortSide;
    requireWorkingSize(std::floor(newLong) * shorter, kResizedLimit, width, height,
                       "resized for the network");
    const int newLongSide = static_cast<int>(newLong);
    return width <= height ? std::pair{shorter, newLongSide} : std::pair{newLongSide, shorter};
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
    PreparedImage prepared;
    prepared.window = cv::Rect(0, 0, pixels.cols, pixels.rows);
    if (p.framing == Framing::CropToObject) {
        prepared.object = findObject(pixels);
        // The same dark-border test as the whole-image path's inversion, so a dataset image
        // takes exactly that path.
        const bool datasetStyle = pixels.cols == p.cropWidth && pixels.rows == p.cropHeight &&
                                  borderMean(pixels) <= 127.5;
        prepared.croppedToObject = prepared.object.found && !datasetStyle;
    }
    if (prepared.croppedToObject) {
        prepared.window = objectWindow(prepared.object.box, p.cropWidth, p.cropHeight);
        requireWorkingSize(double(prepared.window.width) * prepared.window.height, kWindowLimit,
                           pixels.cols, pixels.rows, "framed around its object");
        cv::Scalar background = prepared.object.background;
        prepared.networkView = resizeBilinearLikePillow(cutOut(pixels, prepared.window, background),
                                                        p.cropWidth, p.cropHeight);
        sharpenLikeFashionMnist(prepared.networkView);
        if (p.invert == InvertPolicy::WhenBackgroundLight) {
            if (prepared.object.lightBackground()) {
                cv::bitwise_not(prepared.networkView, prepared.networkView);
                background = cv::Scalar::all(255) - background;
                prepared.inverted = true;
            }
            mapBackgroundToBlack(prepared.networkView, background);
        }
    } else {
        // An image already at the network's input size is what it was trained on (a CIFAR
        // test image, a saved crop): ToTensor and Normalize only, no resize. Any other size
        // follows torchvision's eval transform: resize the shorter side, center-crop.
        const bool atInputSize = pixels.cols == p.cropWidth && pixels.rows == p.cropHeight;
        const auto [width, height] =
            atInputSize ? std::pair<int, int>{pixels.cols, pixels.rows}
                        : resizedSize(pixels.cols, pixels.rows, p.resizeShorterSide);
        if (width != pixels.cols || height != pixels.rows) {
            pixels = resizeBilinearLikePillow(pixels, width, height);
        }
        prepared.networkView = centerCrop(pixels, p.cropHeight, p.cropWidth);
        if (p.invert == InvertPolicy::WhenBackgroundLight &&
            borderMean(prepared.networkView) > 127.5) {
            cv::bitwise_not(prepared.networkView, prepared.networkView);
            prepared.inverted = true;
        }
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
