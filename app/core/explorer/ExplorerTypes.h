#pragma once

// What the explorer service answers with: plain C++ values and OpenCV images, no tensors,
// so that the app's widgets can take them without LibTorch.

#include <opencv2/core/mat.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/explorer/ChannelStatistics.h"
#include "app/core/explorer/TensorKind.h"
#include "app/core/models/ModelRequest.h"
#include "imaging/GridStyle.h"
#include "model/data/Preprocessing.h"
#include "model/network/ArchitectureSummary.h"
#include "model/tracing/BlockStatistics.h"

namespace reslens {

struct OpenedModel {
    ModelRequest request;  // what was asked for (without a Memory request's bytes)
    ArchitectureSummary summary;
    std::vector<std::string> labels;
    Preprocessing preprocessing;
    nlohmann::json provenance;
    std::vector<std::string> blockNames;  // in forward order
};

struct RankedClass {
    int64_t index = 0;
    std::string label;
    double probability = 0;
};

struct ClassificationResult {
    std::vector<RankedClass> top;  // best first
    std::vector<float> logits;
    std::vector<BlockStatistics> blocks;  // one per block, in forward order
    cv::Mat networkView;                  // the prepared pixels before normalisation
    bool inverted = false;
    // Where the photo's object was found (the crop-to-object preparation only), and the part
    // of the image the network saw: the object's box grown to the input's shape when the
    // image was cropped to it, else the whole image. In the decoded image's pixels.
    std::optional<cv::Rect> objectBox;
    bool croppedToObject = false;
    cv::Rect window;
    std::vector<int64_t> inputShape;  // [C, H, W] as the network received it
    double milliseconds = 0;          // prepare + forward
    double prepareMilliseconds = 0;   // the image to the network's tensor
    double forwardMilliseconds = 0;   // the forward with its probes (statistics, captures)
};

// Navigator entries: 0 is the stem (the first block's input), 1..N the residual blocks, N + 1
// the head (the last block's output, before average pooling).
struct BlockQuery {
    int entry = 1;
    TensorKind tensor = TensorKind::Output;
    GridColormap colormap = GridColormap::Viridis;
    GridNormalization normalization = GridNormalization::PerChannel;
    bool sortByActivation = false;
    int columns = 0;       // 0: as square as possible
    int minTileSize = 32;  // small maps are enlarged to at least this
};

struct BlockRendering {
    enum class Status {
        Rendered,
        NoImageYet,  // nothing classified since the model was opened
        NoShortcut,  // the shortcut of a plain network's block
        Bypassed,    // F(x) of a bypassed block (a lesion): not computed
    };
    Status status = Status::NoImageYet;
    enum class Place { Stem, Block, Head };
    Place place = Place::Block;
    std::string blockName;  // the block (for the stem: the first block, for the head: the last)
    std::vector<int64_t> shape;  // [C, H, W]
    cv::Mat grid;                // CV_8UC3 RGB
    int columns = 0;
    int rows = 0;
    int tileWidth = 0;
    int tileHeight = 0;
    int gap = 0;
    std::vector<int> channels;                  // the channel in each tile, in tile order
    std::vector<ChannelStatistics> statistics;  // indexed by channel
};

// Grad-CAM (Selvaraju et al. 2017) of the last classify()'s image at a navigator entry: the
// stem's output (0), a block's output after the addition (1..N), or the head (N + 1, the
// last block's output, where Grad-CAM is usually shown).
struct CamQuery {
    int entry = 1;
    int64_t classIndex = -1;  // -1: the top-1 class
    bool drawOverlay = true;  // false: the map alone (a trace through every block)
};

struct CamRendering {
    std::string target;     // "stem" or the block's name
    RankedClass explained;  // the class whose evidence the map shows
    int height = 0;         // the map's resolution: the block's
    int width = 0;
    std::vector<float> cam;  // row-major, unnormalised, >= 0
    cv::Mat overlay;         // CV_8UC3 RGB: the map over the network's view, 50% opacity (if asked)
};

}  // namespace reslens
