#include "imaging/FeatureGrid.h"

#include <torch/torch.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace reslens {
namespace {

torch::Tensor asChannels(const torch::Tensor& maps) {
    torch::Tensor x = maps;
    if (x.dim() == 4 && x.size(0) == 1) {
        x = x.squeeze(0);
    }
    if (x.dim() != 3 || x.numel() == 0) {
        throw std::invalid_argument("feature grid: expected a [C, H, W] tensor");
    }
    return x.detach().to(torch::kCPU, torch::kFloat);
}

}  // namespace

torch::Tensor openCvColormap(int which) {
    cv::Mat ramp(256, 1, CV_8UC1);
    for (int i = 0; i < 256; ++i) {
        ramp.at<uint8_t>(i) = static_cast<uint8_t>(i);
    }
    cv::Mat bgr, rgb;
    cv::applyColorMap(ramp, bgr, which);
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return torch::from_blob(rgb.data, {256, 3}, torch::kUInt8).clone();
}

// Blue (negative) through white (zero) to red (positive), linear in RGB: the end colours
// of Moreland's cool-warm map, which stays readable for colour-blind viewers.
torch::Tensor divergingTable() {
    const float blue[3] = {59, 76, 192}, red[3] = {180, 4, 38};
    torch::Tensor table = torch::empty({256, 3}, torch::kUInt8);
    for (int i = 0; i < 256; ++i) {
        const float t = i / 255.0f;
        for (int c = 0; c < 3; ++c) {
            const float v = t < 0.5f ? blue[c] + (255 - blue[c]) * (t / 0.5f)
                                     : 255 + (red[c] - 255) * ((t - 0.5f) / 0.5f);
            table[i][c] = static_cast<uint8_t>(std::lround(v));
        }
    }
    return table;
}

const torch::Tensor& viridisTable() {
    static const torch::Tensor table = openCvColormap(cv::COLORMAP_VIRIDIS);
    return table;
}

const torch::Tensor& colormapTable(GridColormap colormap) {
    static const torch::Tensor inferno = openCvColormap(cv::COLORMAP_INFERNO);
    static const torch::Tensor gray = torch::arange(256, torch::kLong)
                                          .to(torch::kUInt8)
                                          .unsqueeze(1)
                                          .expand({256, 3})
                                          .contiguous();
    static const torch::Tensor diverging = divergingTable();
    switch (colormap) {
        case GridColormap::Viridis:
            return viridisTable();
        case GridColormap::Inferno:
            return inferno;
        case GridColormap::Gray:
            return gray;
        case GridColormap::Diverging:
            return diverging;
    }
    return viridisTable();
}

std::vector<int64_t> channelsByMeanActivation(const torch::Tensor& maps) {
    const torch::Tensor order = asChannels(maps).mean({1, 2}).argsort(0, /*descending=*/true);
    return std::vector<int64_t>(order.data_ptr<int64_t>(),
                                order.data_ptr<int64_t>() + order.numel());
}

namespace {

// The range a tile's values are mapped from: [low, high] to 0..255, or for the diverging
// map [-high, high] with zero on white. NaN anywhere in the range's data makes it NaN, as
// torch's min and max do, and such a tile then maps to level 0.
struct Range {
    float low = 0;
    float high = 0;
};

Range rangeOf(const float* begin, int64_t count, bool diverging) {
    float low = std::numeric_limits<float>::infinity();
    float high = -std::numeric_limits<float>::infinity();
    bool nan = false;
    for (int64_t i = 0; i < count; ++i) {
        const float v = diverging ? std::fabs(begin[i]) : begin[i];
        nan |= std::isnan(v);
        low = std::min(low, v);
        high = std::max(high, v);
    }
    if (nan) {
        const float n = std::numeric_limits<float>::quiet_NaN();
        return {n, n};
    }
    return diverging ? Range{-high, high} : Range{low, high};
}

Range widest(const std::vector<Range>& ranges) {
    Range all{ranges.front().low, ranges.front().high};
    for (const Range& r : ranges) {
        if (std::isnan(r.low) || std::isnan(all.low)) {
            all.low = all.high = std::numeric_limits<float>::quiet_NaN();
        } else {
            all.low = std::min(all.low, r.low);
            all.high = std::max(all.high, r.high);
        }
    }
    return all;
}

// The colormap levels of one tile: the same float arithmetic, NaN handling and rounding
// (half to even) as the tensor expression it replaced, which tst_feature_grid keeps as its
// reference.
void levelsOf(const float* values, int64_t count, const Range& range, bool diverging,
              uint8_t* levels) {
    const float span =
        diverging ? std::max(range.high, 1e-12f) : std::max(range.high - range.low, 1e-12f);
    const float factor = (diverging ? 127.5f : 255.0f) / span;
    const float low = range.low;
    for (int64_t i = 0; i < count; ++i) {
        float level = diverging ? values[i] * factor + 127.5f : (values[i] - low) * factor;
        level = level == level ? level : 0.0f;  // NaN to 0
        // Clamped to [-1, 256] first (the same after the final clamp), then rounded half to
        // even by adding and subtracting 1.5 * 2^23, exact for |x| < 2^22 (IEEE arithmetic:
        // without -ffast-math the compiler may not fold the two steps away).
        level = std::min(std::max(level, -1.0f), 256.0f);
        level = (level + 12582912.0f) - 12582912.0f;
        level = std::min(std::max(level, 0.0f), 255.0f);
        levels[i] = static_cast<uint8_t>(static_cast<int>(level));
    }
}

}  // namespace

FeatureGrid renderFeatureGrid(const torch::Tensor& maps, const FeatureGridOptions& options) {
    torch::NoGradGuard noGrad;
    torch::Tensor x = asChannels(maps);
    const int64_t channels = x.size(0), height = x.size(1), width = x.size(2);
    FeatureGrid grid;
    if (options.channelOrder.empty()) {
        grid.channels.resize(static_cast<size_t>(channels));
        for (int64_t c = 0; c < channels; ++c) {
            grid.channels[static_cast<size_t>(c)] = c;
        }
    } else {
        for (int64_t c : options.channelOrder) {
            if (c < 0 || c >= channels) {
                throw std::invalid_argument("feature grid: channel " + std::to_string(c) +
                                            " out of range");
            }
        }
        grid.channels = options.channelOrder;
        x = x.index_select(0, torch::tensor(grid.channels, torch::kLong));
    }
    // Channels-last activations (the inference fast path's) arrive strided: one copy into
    // plain [C, H, W] order, then every pass below reads memory in order.
    x = x.contiguous();
    const int64_t tiles = x.size(0), plane = height * width;
    const float* data = x.data_ptr<float>();

    const bool diverging = options.colormap == GridColormap::Diverging;
    std::vector<Range> ranges(static_cast<size_t>(tiles));
    for (int64_t t = 0; t < tiles; ++t) {
        ranges[static_cast<size_t>(t)] = rangeOf(data + t * plane, plane, diverging);
    }
    if (options.normalization != GridNormalization::PerChannel) {
        const Range all = widest(ranges);
        std::fill(ranges.begin(), ranges.end(), all);
    }

    const int scale = static_cast<int>(std::max<int64_t>(
        1, (options.minTileSize + std::max(height, width) - 1) / std::max(height, width)));
    grid.tileHeight = static_cast<int>(height) * scale;
    grid.tileWidth = static_cast<int>(width) * scale;
    grid.gap = std::max(options.gap, 0);
    grid.columns = options.columns > 0
                       ? options.columns
                       : static_cast<int>(std::ceil(std::sqrt(static_cast<double>(tiles))));
    grid.rows = static_cast<int>((tiles + grid.columns - 1) / grid.columns);
    const int cellH = grid.tileHeight + grid.gap, cellW = grid.tileWidth + grid.gap;
    grid.image = cv::Mat(grid.rows * cellH - grid.gap, grid.columns * cellW - grid.gap, CV_8UC3,
                         cv::Scalar(options.gapGray, options.gapGray, options.gapGray));

    const torch::Tensor table = colormapTable(options.colormap).contiguous();
    const uint8_t* rgb = table.data_ptr<uint8_t>();
    // One pass: each value to its colour, written scale x scale times into its tile. On one
    // thread: it takes a few milliseconds, and runs while the window draws the predictions,
    // which a second thread here would take a core from on a two-core machine.
    std::vector<uint8_t> levels(static_cast<size_t>(plane));
    for (int64_t t = 0; t < tiles; ++t) {
        levelsOf(data + t * plane, plane, ranges[static_cast<size_t>(t)], diverging, levels.data());
        const int top = static_cast<int>(t / grid.columns) * cellH;
        const int left = static_cast<int>(t % grid.columns) * cellW;
        for (int64_t y = 0; y < height; ++y) {
            uint8_t* row = grid.image.ptr<uint8_t>(top + static_cast<int>(y) * scale) + 3 * left;
            const uint8_t* level = levels.data() + y * width;
            for (int64_t xi = 0; xi < width; ++xi) {
                const uint8_t* colour = rgb + 3 * level[xi];
                for (int k = 0; k < scale; ++k) {
                    uint8_t* pixel = row + 3 * (xi * scale + k);
                    pixel[0] = colour[0];
                    pixel[1] = colour[1];
                    pixel[2] = colour[2];
                }
            }
            // The enlarged rows repeat the first.
            for (int k = 1; k < scale; ++k) {
                std::memcpy(
                    grid.image.ptr<uint8_t>(top + static_cast<int>(y) * scale + k) + 3 * left, row,
                    static_cast<size_t>(3 * grid.tileWidth));
            }
        }
    }
    return grid;
}

std::optional<int64_t> FeatureGrid::channelAt(int x, int y) const {
    const int cellW = tileWidth + gap, cellH = tileHeight + gap;
    if (x < 0 || y < 0 || cellW <= 0 || cellH <= 0) {
        return std::nullopt;
    }
    const int column = x / cellW, row = y / cellH;
    if (column >= columns || row >= rows || x % cellW >= tileWidth || y % cellH >= tileHeight) {
        return std::nullopt;
    }
    const size_t index = static_cast<size_t>(row) * columns + column;
    return index < channels.size() ? std::optional<int64_t>(channels[index]) : std::nullopt;
}

}  // namespace reslens
