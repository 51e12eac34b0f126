#include "imaging/PilResize.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace reslens {
namespace {

constexpr int kPrecisionBits = 32 - 8 - 2;

double bilinearFilter(double x) {
    x = std::fabs(x);
    return x < 1.0 ? 1.0 - x : 0.0;
}

// Pillow's precompute_coeffs + normalize_coeffs_8bpc for one axis.
struct Coefficients {
    int kernelSize = 0;
    std::vector<int> first;        // first input index per output index
    std::vector<int> count;        // number of inputs per output index
    std::vector<int32_t> weights;  // outSize x kernelSize, fixed point
};

Coefficients precompute(int inSize, int outSize) {
    const double scale = static_cast<double>(inSize) / outSize;
    const double filterScale = std::max(scale, 1.0);
    const double support = 1.0 * filterScale;  // the bilinear filter's support is 1
    Coefficients c;
    c.kernelSize = static_cast<int>(std::ceil(support)) * 2 + 1;
    c.first.resize(static_cast<size_t>(outSize));
    c.count.resize(static_cast<size_t>(outSize));
    c.weights.assign(static_cast<size_t>(outSize) * c.kernelSize, 0);
    std::vector<double> k(static_cast<size_t>(c.kernelSize));
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = (xx + 0.5) * scale;
        const double ss = 1.0 / filterScale;
        const int xmin = std::max(static_cast<int>(center - support + 0.5), 0);
        const int xmax = std::min(static_cast<int>(center + support + 0.5), inSize) - xmin;
        double ww = 0.0;
        for (int x = 0; x < xmax; ++x) {
            k[x] = bilinearFilter((x + xmin - center + 0.5) * ss);
            ww += k[x];
        }
        for (int x = 0; x < xmax; ++x) {
            const double w = ww != 0.0 ? k[x] / ww : k[x];
            const double fixed = w * (1 << kPrecisionBits);
            c.weights[static_cast<size_t>(xx) * c.kernelSize + x] =
                static_cast<int32_t>(w < 0 ? -0.5 + fixed : 0.5 + fixed);
        }
        c.first[xx] = xmin;
        c.count[xx] = xmax;
    }
    return c;
}

inline uint8_t clip8(int32_t v) {
    if (v >= (1 << kPrecisionBits << 8)) {
        return 255;
    }
    if (v <= 0) {
        return 0;
    }
    return static_cast<uint8_t>(v >> kPrecisionBits);
}

cv::Mat resizeHorizontal(const cv::Mat& src, int width) {
    const int channels = src.channels();
    const Coefficients c = precompute(src.cols, width);
    cv::Mat dst(src.rows, width, src.type());
    for (int y = 0; y < src.rows; ++y) {
        const uint8_t* in = src.ptr<uint8_t>(y);
        uint8_t* out = dst.ptr<uint8_t>(y);
        for (int xx = 0; xx < width; ++xx) {
            const int32_t* k = &c.weights[static_cast<size_t>(xx) * c.kernelSize];
            for (int ch = 0; ch < channels; ++ch) {
                int32_t ss = 1 << (kPrecisionBits - 1);
                for (int x = 0; x < c.count[xx]; ++x) {
                    ss += in[(x + c.first[xx]) * channels + ch] * k[x];
                }
                out[xx * channels + ch] = clip8(ss);
            }
        }
    }
    return dst;
}

cv::Mat resizeVertical(const cv::Mat& src, int height) {
    const int rowLength = src.cols * src.channels();
    const Coefficients c = precompute(src.rows, height);
    cv::Mat dst(height, src.cols, src.type());
    std::vector<int32_t> sums(static_cast<size_t>(rowLength));
    for (int yy = 0; yy < height; ++yy) {
        const int32_t* k = &c.weights[static_cast<size_t>(yy) * c.kernelSize];
        std::fill(sums.begin(), sums.end(), 1 << (kPrecisionBits - 1));
        for (int y = 0; y < c.count[yy]; ++y) {
            const uint8_t* in = src.ptr<uint8_t>(y + c.first[yy]);
            const int32_t w = k[y];
            for (int i = 0; i < rowLength; ++i) {
                sums[i] += in[i] * w;
            }
        }
        uint8_t* out = dst.ptr<uint8_t>(yy);
        for (int i = 0; i < rowLength; ++i) {
            out[i] = clip8(sums[i]);
        }
    }
    return dst;
}

}  // namespace

cv::Mat resizeBilinearLikePillow(const cv::Mat& src, int width, int height) {
    if (src.depth() != CV_8U || (src.channels() != 1 && src.channels() != 3)) {
        throw std::invalid_argument("resizeBilinearLikePillow: 8-bit, 1 or 3 channels only");
    }
    if (width < 1 || height < 1) {
        throw std::invalid_argument("resizeBilinearLikePillow: empty target size");
    }
    cv::Mat image = src;
    // Pillow resizes horizontally first, and skips an axis whose size does not change.
    if (width != image.cols) {
        image = resizeHorizontal(image, width);
    }
    if (height != image.rows) {
        image = resizeVertical(image, height);
    }
    return image.data == src.data ? src.clone() : image;
}

}  // namespace reslens
