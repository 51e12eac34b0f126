#include "imaging/ObjectFinder.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace reslens {
namespace {

// The search runs on a copy at most this large: enough for a tiny object in a 12-megapixel
// photo to keep a few pixels, and area averaging removes most JPEG and sensor noise.
constexpr int kSearchSide = 320;
// A pixel belongs to the object when it differs from the background plane by at least this
// many gray levels, or by four noise deviations where the border is noisier than that.
// Fashion-MNIST's faintest object edges are ~20 levels above its black background.
constexpr double kMinContrast = 20.0;
// Specks: components smaller than this share of the largest one are noise, dust or text.
constexpr double kSpeckShare = 0.05;

struct RingPixel {
    float x, y, value;
};

double medianOf(std::vector<float> values) {
    if (values.empty()) {
        return 0;
    }
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

// The outermost `width` pixels of every side, with their coordinates.
std::vector<RingPixel> borderRing(const cv::Mat& gray, int width) {
    std::vector<RingPixel> ring;
    for (int y = 0; y < gray.rows; ++y) {
        const bool edgeRow = y < width || y >= gray.rows - width;
        const float* row = gray.ptr<float>(y);
        for (int x = 0; x < gray.cols; ++x) {
            if (edgeRow || x < width || x >= gray.cols - width) {
                ring.push_back({static_cast<float>(x), static_cast<float>(y), row[x]});
            }
        }
    }
    return ring;
}

// Least-squares plane a + b x + c y through the ring pixels close to their median: a
// background lit from one side, without the object where it touches the border.
cv::Mat fitBackgroundPlane(const std::vector<RingPixel>& ring, cv::Size size) {
    std::vector<float> values;
    values.reserve(ring.size());
    for (const RingPixel& p : ring) {
        values.push_back(p.value);
    }
    const double median = medianOf(values);
    for (float& v : values) {
        v = std::abs(v - static_cast<float>(median));
    }
    const double spread = std::max(1.4826 * medianOf(values), 1.0);
    cv::Matx33d normal = cv::Matx33d::zeros();
    cv::Vec3d right(0, 0, 0);
    int inliers = 0;
    for (const RingPixel& p : ring) {
        if (std::abs(p.value - median) > std::max(3 * spread, 8.0)) {
            continue;
        }
        const cv::Vec3d row(1, p.x, p.y);
        normal += row * row.t();
        right += row * static_cast<double>(p.value);
        ++inliers;
    }
    cv::Vec3d coefficients(median, 0, 0);
    if (inliers >= 3) {
        cv::Vec3d solved;
        if (cv::solve(normal, right, solved, cv::DECOMP_SVD)) {
            coefficients = solved;
        }
    }
    cv::Mat plane(size, CV_32F);
    for (int y = 0; y < size.height; ++y) {
        float* row = plane.ptr<float>(y);
        for (int x = 0; x < size.width; ++x) {
            row[x] =
                static_cast<float>(coefficients[0] + coefficients[1] * x + coefficients[2] * y);
        }
    }
    return plane;
}

cv::Scalar borderMedianColour(const cv::Mat& image, int width) {
    std::vector<std::vector<float>> channels(image.channels());
    for (int y = 0; y < image.rows; ++y) {
        const bool edgeRow = y < width || y >= image.rows - width;
        const uint8_t* row = image.ptr<uint8_t>(y);
        for (int x = 0; x < image.cols; ++x) {
            if (edgeRow || x < width || x >= image.cols - width) {
                for (int c = 0; c < image.channels(); ++c) {
                    channels[c].push_back(row[x * image.channels() + c]);
                }
            }
        }
    }
    cv::Scalar colour;
    for (int c = 0; c < image.channels(); ++c) {
        colour[c] = medianOf(channels[c]);
    }
    return colour;
}

}  // namespace

ObjectSearch findObject(const cv::Mat& image) {
    ObjectSearch search;
    const double scale =
        std::min(1.0, static_cast<double>(kSearchSide) / std::max(image.cols, image.rows));
    cv::Mat small;
    if (scale < 1.0) {
        const cv::Size size(std::max(1, static_cast<int>(std::lround(image.cols * scale))),
                            std::max(1, static_cast<int>(std::lround(image.rows * scale))));
        cv::resize(image, small, size, 0, 0, cv::INTER_AREA);
    } else {
        small = image;
    }
    const int ringWidth =
        std::max(1, static_cast<int>(std::lround(std::min(small.cols, small.rows) * 0.02)));
    search.background = borderMedianColour(small, ringWidth);

    cv::Mat gray;
    if (small.channels() == 3) {
        cv::cvtColor(small, gray, cv::COLOR_RGB2GRAY);
    } else {
        gray = small;
    }
    gray.convertTo(gray, CV_32F);
    std::vector<float> ringValues;
    const std::vector<RingPixel> ring = borderRing(gray, ringWidth);
    for (const RingPixel& p : ring) {
        ringValues.push_back(p.value);
    }
    search.backgroundLuma = medianOf(ringValues);
    if (small.cols < 3 || small.rows < 3) {
        return search;  // all border: no object can be told from its background
    }

    // Smooth before the difference: JPEG blocks and sensor noise are pixel-sized, objects
    // are not.
    cv::Mat smooth;
    cv::GaussianBlur(gray, smooth, cv::Size(3, 3), 0);
    const cv::Mat plane = fitBackgroundPlane(borderRing(smooth, ringWidth), smooth.size());
    cv::Mat difference = smooth - plane;

    std::vector<float> residuals;
    for (const RingPixel& p : borderRing(difference, ringWidth)) {
        residuals.push_back(std::abs(p.value));
    }
    const double noise = 1.4826 * medianOf(residuals);
    const double threshold = std::max(kMinContrast, 4 * noise);
    cv::Mat mask = cv::abs(difference) > threshold;

    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
    int largest = 0;
    for (int i = 1; i < count; ++i) {
        largest = std::max(largest, stats.at<int>(i, cv::CC_STAT_AREA));
    }
    if (largest == 0) {
        return search;
    }
    cv::Mat kept = cv::Mat::zeros(mask.size(), CV_8U);
    for (int i = 1; i < count; ++i) {
        if (stats.at<int>(i, cv::CC_STAT_AREA) >= std::max(1.0, kSpeckShare * largest)) {
            kept.setTo(255, labels == i);
        }
    }
    // The smoothing that found the parts also widened them by a pixel: the box is drawn
    // around the parts' unsmoothed pixels that stand out, where there are any.
    cv::Mat sharp = cv::abs(gray - plane) > threshold;
    sharp &= kept;
    const cv::Rect box = cv::boundingRect(cv::countNonZero(sharp) > 0 ? sharp : kept);
    // Back to the image's pixels, rounding outwards so no part of the object is lost.
    const int left = static_cast<int>(std::floor(box.x / scale));
    const int top = static_cast<int>(std::floor(box.y / scale));
    const int right =
        std::min(image.cols, static_cast<int>(std::ceil((box.x + box.width) / scale)));
    const int bottom =
        std::min(image.rows, static_cast<int>(std::ceil((box.y + box.height) / scale)));
    search.box = cv::Rect(left, top, std::max(1, right - left), std::max(1, bottom - top));
    search.found = true;
    return search;
}

}  // namespace reslens
