#pragma once

// The feature-map grid: every channel of a [C, H, W] tensor as one tile, coloured with a
// perceptual colormap (viridis), normalised per channel or over the whole tensor. Built
// in one pass over the values, each written straight into its tile (in parallel over
// tiles), so a whole block's channels render in a millisecond or two.

#include <torch/types.h>

#include <opencv2/core/mat.hpp>

#include <optional>
#include <vector>

#include "imaging/GridStyle.h"

namespace reslens {

struct FeatureGridOptions {
    GridNormalization normalization = GridNormalization::PerChannel;
    // Diverging maps each range symmetrically around zero, so white is exactly 0.
    GridColormap colormap = GridColormap::Viridis;
    int columns = 0;       // 0: as close to square as possible
    int minTileSize = 24;  // small maps are enlarged (nearest neighbour) to at least this
    int gap = 1;           // pixels between tiles
    uint8_t gapGray = 255;
    std::vector<int64_t> channelOrder;  // channels in tile order; empty: 0, 1, ...
};

struct FeatureGrid {
    cv::Mat image;  // CV_8UC3, RGB
    int columns = 0;
    int rows = 0;
    int tileWidth = 0;  // after enlargement
    int tileHeight = 0;
    int gap = 0;
    std::vector<int64_t> channels;  // the channel in each tile, in tile order

    // The channel under pixel (x, y) of the image, if it lies on a tile.
    std::optional<int64_t> channelAt(int x, int y) const;
};

// maps: [C, H, W] or [1, C, H, W], any device and floating type. Throws std::invalid_argument.
FeatureGrid renderFeatureGrid(const torch::Tensor& maps, const FeatureGridOptions& options = {});

// Channels ordered by mean activation, strongest first.
std::vector<int64_t> channelsByMeanActivation(const torch::Tensor& maps);

// The 256-entry viridis colormap as a [256, 3] uint8 RGB tensor.
const torch::Tensor& viridisTable();
// Any of the colormaps as a [256, 3] uint8 RGB tensor.
const torch::Tensor& colormapTable(GridColormap colormap);

}  // namespace reslens
