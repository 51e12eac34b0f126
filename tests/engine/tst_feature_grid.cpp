// Feature-map grids: the layout (tiles, enlargement, gaps), the colormap (viridis, checked
// against matplotlib's published end points), per-channel and shared normalisation, channel
// ordering and hit-testing; and the network input rendered back to the pixels it came from.

#include <opencv2/core.hpp>

#include <QtTest/QtTest>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "imaging/FeatureGrid.h"
#include "imaging/ImagePreprocessor.h"
#include "imaging/ImageRendering.h"
#endif

using namespace reslens;

namespace {

cv::Vec3b pixel(const FeatureGrid& grid, int x, int y) {
    return grid.image.at<cv::Vec3b>(y, x);
}

bool near(const cv::Vec3b& a, const cv::Vec3b& b, int tolerance) {
    for (int c = 0; c < 3; ++c) {
        if (std::abs(a[c] - b[c]) > tolerance) {
            return false;
        }
    }
    return true;
}

// matplotlib's viridis at 0 and 1: #440154 and #fde725.
const cv::Vec3b kViridisLow(0x44, 0x01, 0x54);
const cv::Vec3b kViridisHigh(0xfd, 0xe7, 0x25);

// The grid's pixels as the first implementation computed them, with tensor operations
// (normalise, round, colormap lookup, enlarge, lay out): the reference for the one-pass
// renderer.
cv::Mat tensorExpressionGrid(torch::Tensor x, const FeatureGridOptions& options) {
    x = x.to(torch::kFloat);
    const int64_t tiles = x.size(0), height = x.size(1), width = x.size(2);
    torch::Tensor low, high;
    const bool perChannel = options.normalization == GridNormalization::PerChannel;
    if (options.colormap == GridColormap::Diverging) {
        high = perChannel ? x.abs().amax({1, 2}, true) : x.abs().max();
        low = -high;
    } else if (perChannel) {
        low = x.amin({1, 2}, true);
        high = x.amax({1, 2}, true);
    } else {
        low = x.min();
        high = x.max();
    }
    torch::Tensor levels = options.colormap == GridColormap::Diverging
                               ? (x * (127.5f / high.clamp_min(1e-12f))).add_(127.5f)
                               : (x - low).mul_(255.0f / (high - low).clamp_min(1e-12f));
    levels = levels.nan_to_num_(0.0).round_().clamp_(0, 255).to(torch::kLong);
    const int scale = static_cast<int>(std::max<int64_t>(
        1, (options.minTileSize + std::max(height, width) - 1) / std::max(height, width)));
    const int columns = static_cast<int>(std::ceil(std::sqrt(double(tiles))));
    const int rows = static_cast<int>((tiles + columns - 1) / columns);
    torch::Tensor rgb = colormapTable(options.colormap).index({levels});
    rgb = rgb.repeat_interleave(scale, 1).repeat_interleave(scale, 2);
    const int64_t cellH = height * scale + options.gap, cellW = width * scale + options.gap;
    torch::Tensor cells =
        torch::full({int64_t(rows) * columns, cellH, cellW, 3}, options.gapGray, torch::kUInt8);
    cells.narrow(0, 0, tiles).narrow(1, 0, height * scale).narrow(2, 0, width * scale).copy_(rgb);
    torch::Tensor canvas = cells.view({rows, columns, cellH, cellW, 3})
                               .permute({0, 2, 1, 3, 4})
                               .reshape({rows * cellH, columns * cellW, 3})
                               .narrow(0, 0, rows * cellH - options.gap)
                               .narrow(1, 0, columns * cellW - options.gap)
                               .contiguous();
    return cv::Mat(int(canvas.size(0)), int(canvas.size(1)), CV_8UC3, canvas.data_ptr<uint8_t>())
        .clone();
}

}  // namespace

class FeatureGridTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void equalsTheTensorExpressionPixelForPixel() {
        // Random maps with the awkward values a network can produce: a constant channel, a
        // zero channel, a NaN, infinities, values on rounding's half-way points; in plain
        // and in channels-last layout, enlarged and not, every colormap and normalisation.
        torch::manual_seed(4);
        for (const auto& [height, width] : {std::pair<int, int>{5, 7}, {14, 14}, {30, 3}}) {
            torch::Tensor maps = torch::randn({11, height, width}) * 3;
            maps[1].fill_(0.25);
            maps[2].zero_();
            maps[3][0][0] = std::numeric_limits<float>::quiet_NaN();
            maps[4][1][1] = std::numeric_limits<float>::infinity();
            maps[5][0][1] = -std::numeric_limits<float>::infinity();
            maps[6] = torch::arange(height * width).view({height, width}).to(torch::kFloat) / 2;
            const torch::Tensor channelsLast =
                maps.unsqueeze(0).contiguous(torch::MemoryFormat::ChannelsLast).squeeze(0);
            for (GridColormap colormap : {GridColormap::Viridis, GridColormap::Inferno,
                                          GridColormap::Gray, GridColormap::Diverging}) {
                for (GridNormalization normalization :
                     {GridNormalization::PerChannel, GridNormalization::Shared}) {
                    FeatureGridOptions options;
                    options.colormap = colormap;
                    options.normalization = normalization;
                    const cv::Mat expected = tensorExpressionGrid(maps, options);
                    for (const torch::Tensor& input : {maps, channelsLast}) {
                        const cv::Mat got = renderFeatureGrid(input, options).image;
                        QCOMPARE(got.size(), expected.size());
                        QVERIFY2(cv::norm(got, expected, cv::NORM_INF) == 0,
                                 qPrintable(QString("%1x%2, colormap %3, normalisation %4")
                                                .arg(height)
                                                .arg(width)
                                                .arg(int(colormap))
                                                .arg(int(normalization))));
                    }
                }
            }
        }
    }

    void layoutFollowsTheChannels() {
        FeatureGridOptions options;
        options.minTileSize = 21;  // 7x7 maps enlarged 3x
        const FeatureGrid grid = renderFeatureGrid(torch::randn({10, 7, 7}), options);
        QCOMPARE(grid.columns, 4);  // ceil(sqrt(10))
        QCOMPARE(grid.rows, 3);
        QCOMPARE(grid.tileWidth, 21);
        QCOMPARE(grid.image.cols, 4 * 21 + 3 * 1);
        QCOMPARE(grid.image.rows, 3 * 21 + 2 * 1);
        QCOMPARE(grid.image.type(), CV_8UC3);
        // Gaps and the two unused tiles of the last row are the gap colour.
        QVERIFY(pixel(grid, 21, 5) == cv::Vec3b(255, 255, 255));
        QVERIFY(pixel(grid, 3 * 22 + 5, 2 * 22 + 5) == cv::Vec3b(255, 255, 255));
        QCOMPARE(grid.channelAt(0, 0), std::optional<int64_t>(0));
        QCOMPARE(grid.channelAt(22 + 20, 22), std::optional<int64_t>(5));
        QCOMPARE(grid.channelAt(21, 0), std::nullopt);                   // on a gap
        QCOMPARE(grid.channelAt(3 * 22 + 1, 2 * 22 + 1), std::nullopt);  // an unused tile
    }

    void perChannelNormalisationSpansTheColormap() {
        // Channel 0 from 0 to 1, channel 1 from 100 to 300: each spans viridis end to end.
        torch::Tensor maps = torch::zeros({2, 4, 4});
        maps[0] = torch::linspace(0, 1, 16).view({4, 4});
        maps[1] = torch::linspace(100, 300, 16).view({4, 4});
        FeatureGridOptions options;
        options.minTileSize = 4;
        const FeatureGrid grid = renderFeatureGrid(maps, options);
        for (int tile = 0; tile < 2; ++tile) {
            const int x0 = tile * 5;
            QVERIFY(near(pixel(grid, x0, 0), kViridisLow, 2));
            QVERIFY(near(pixel(grid, x0 + 3, 3), kViridisHigh, 2));
        }
        // Shared: channel 0 sits at the bottom of the range, channel 1's maximum at the top.
        options.normalization = GridNormalization::Shared;
        const FeatureGrid shared = renderFeatureGrid(maps, options);
        QVERIFY(near(pixel(shared, 3, 3), kViridisLow, 2));
        QVERIFY(near(pixel(shared, 5 + 3, 3), kViridisHigh, 2));
        QVERIFY(!near(pixel(shared, 5, 0), kViridisLow, 20));  // 100 of 300 is not the bottom
    }

    void divergingMapPutsZeroOnWhite() {
        // One channel holding -2, 0 and +2 (and +1): symmetric range [-2, 2], so zero is the
        // middle of the map (white), -2 the blue end, +2 the red end, +1 halfway to red.
        torch::Tensor maps = torch::tensor({-2.0f, 0.0f, 2.0f, 1.0f}).view({1, 2, 2});
        FeatureGridOptions options;
        options.minTileSize = 2;
        options.colormap = GridColormap::Diverging;
        const FeatureGrid grid = renderFeatureGrid(maps, options);
        QVERIFY(near(pixel(grid, 0, 0), cv::Vec3b(59, 76, 192), 1));
        QVERIFY(near(pixel(grid, 1, 0), cv::Vec3b(255, 255, 255), 1));
        QVERIFY(near(pixel(grid, 0, 1), cv::Vec3b(180, 4, 38), 1));
        // 1 of 2 -> level 191.25 -> 191: 255 + (c - 255) * (191/255 - 0.5) / 0.5.
        const cv::Vec3b half(218, 130, 147);
        QVERIFY(near(pixel(grid, 1, 1), half, 2));
        // An all-zero channel is white, not the blue end.
        const FeatureGrid zeros = renderFeatureGrid(torch::zeros({1, 3, 3}), options);
        QVERIFY(near(pixel(zeros, 1, 1), cv::Vec3b(255, 255, 255), 1));

        options.colormap = GridColormap::Gray;
        const FeatureGrid gray =
            renderFeatureGrid(torch::tensor({0.0f, 1.0f}).view({1, 1, 2}), options);
        QVERIFY(near(pixel(gray, 0, 0), cv::Vec3b(0, 0, 0), 0));
        QVERIFY(near(pixel(gray, 1, 0), cv::Vec3b(255, 255, 255), 0));
    }

    void constantChannelsDoNotDivideByZero() {
        const FeatureGrid grid = renderFeatureGrid(torch::full({3, 5, 5}, 2.5f));
        QVERIFY(near(pixel(grid, 1, 1), kViridisLow, 2));
    }

    void channelsCanBeReordered() {
        torch::Tensor maps = torch::zeros({3, 2, 2});
        maps[0].fill_(1);
        maps[1].fill_(5);
        maps[2].fill_(3);
        const std::vector<int64_t> order = channelsByMeanActivation(maps);
        QCOMPARE(order, (std::vector<int64_t>{1, 2, 0}));
        FeatureGridOptions options;
        options.channelOrder = order;
        const FeatureGrid grid = renderFeatureGrid(maps, options);
        QCOMPARE(grid.channelAt(0, 0), std::optional<int64_t>(1));
        options.channelOrder = {7};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, renderFeatureGrid(maps, options));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, renderFeatureGrid(torch::zeros({4})));
    }

    void networkInputRendersBackToItsPixels() {
        DecodedImage image;
        image.pixels = cv::Mat(40, 50, CV_8UC3);
        cv::randu(image.pixels, 0, 256);
        for (const Preprocessing& p : {Preprocessing::cifar10(), Preprocessing::fashionMnist()}) {
            const PreparedImage prepared = prepareImage(image, p);
            const cv::Mat rendered = renderNetworkInput(prepared.tensor, p);
            QCOMPARE(rendered.type(), CV_8UC3);
            cv::Mat expected = prepared.networkView;
            if (expected.channels() == 1) {
                cv::Mat planes[] = {expected, expected, expected};
                cv::merge(planes, 3, expected);
            }
            QVERIFY(cv::norm(rendered, expected, cv::NORM_INF) <= 1);
        }
    }

    void pngEncodingKeepsColourOrder() {
        cv::Mat rgb(2, 2, CV_8UC3, cv::Scalar(255, 0, 0));  // pure red in RGB order
        const std::vector<char> png = encodePng(rgb);
        const DecodedImage decoded = decodeImage(png, "'png'");
        QVERIFY(decoded.pixels.at<cv::Vec3b>(0, 0) == cv::Vec3b(255, 0, 0));
    }
};

QTEST_GUILESS_MAIN(FeatureGridTest)
#include "tst_feature_grid.moc"
