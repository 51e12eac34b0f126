#include "imaging/FeatureGrid.h"

#include <torch/torch.h>

#include <opencv2/imgproc.hpp>

#include <cmath>
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
    const int64_t tiles = x.size(0);

    // To 0..255, per channel or shared; a constant channel maps to 0. The diverging map
    // uses [-m, m] with m the largest magnitude, so that zero lands on white.
    torch::Tensor low, high;
    const bool perChannel = options.normalization == GridNormalization::PerChannel;
    if (options.colormap == GridColormap::Diverging) {
        high = perChannel ? x.abs().amax({1, 2}, /*keepdim=*/true) : x.abs().max();
        low = -high;
    } else if (perChannel) {
        low = x.amin({1, 2}, /*keepdim=*/true);
        high = x.amax({1, 2}, /*keepdim=*/true);
    } else {
        low = x.min();
        high = x.max();
    }
    torch::Tensor levels =
        options.colormap == GridColormap::Diverging
            ? (x * (127.5f / high.clamp_min(1e-12f))).add_(127.5f)  // an all-zero tile is white
            : (x - low).mul_(255.0f / (high - low).clamp_min(1e-12f));
    levels = levels.nan_to_num_(0.0).round_().clamp_(0, 255).to(torch::kLong);

    const int scale = static_cast<int>(std::max<int64_t>(
        1, (options.minTileSize + std::max(height, width) - 1) / std::max(height, width)));
    grid.tileHeight = static_cast<int>(height) * scale;
    grid.tileWidth = static_cast<int>(width) * scale;
    grid.gap = std::max(options.gap, 0);
    grid.columns = options.columns > 0
                       ? options.columns
                       : static_cast<int>(std::ceil(std::sqrt(static_cast<double>(tiles))));
    grid.rows = static_cast<int>((tiles + grid.columns - 1) / grid.columns);

    torch::Tensor rgb = colormapTable(options.colormap).index({levels});  // [tiles, H, W, 3]
    if (scale > 1) {
        rgb = rgb.repeat_interleave(scale, 1).repeat_interleave(scale, 2);
    }
    // Pad every tile on its right and bottom with the gap, and add blank tiles to fill the
    // last row, then lay the tiles out row by row with one reshape.
    const int64_t cellH = grid.tileHeight + grid.gap, cellW = grid.tileWidth + grid.gap;
    torch::Tensor cells = torch::full({int64_t(grid.rows) * grid.columns, cellH, cellW, 3},
                                      options.gapGray, torch::kUInt8);
    cells.narrow(0, 0, tiles).narrow(1, 0, grid.tileHeight).narrow(2, 0, grid.tileWidth).copy_(rgb);
    torch::Tensor canvas = cells.view({grid.rows, grid.columns, cellH, cellW, 3})
                               .permute({0, 2, 1, 3, 4})
                               .reshape({grid.rows * cellH, grid.columns * cellW, 3});
    // Drop the trailing gap on the right and bottom edges.
    canvas = canvas.narrow(0, 0, grid.rows * cellH - grid.gap)
                 .narrow(1, 0, grid.columns * cellW - grid.gap)
                 .contiguous();
    grid.image = cv::Mat(static_cast<int>(canvas.size(0)), static_cast<int>(canvas.size(1)),
                         CV_8UC3, canvas.data_ptr<uint8_t>())
                     .clone();
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
