#pragma once

// What the inference worker hands the widgets: plain values and QImages, no tensors, so
// that no widget header needs LibTorch (docs/design.md).

#include <QImage>
#include <QMetaType>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

#include "app/core/explorer/ChannelStatistics.h"
#include "app/core/explorer/TensorKind.h"
#include "app/core/models/ModelRequest.h"
#include "imaging/GridStyle.h"
#include "model/network/ArchitectureSummary.h"

namespace reslens {

struct ModelView {
    QString title;  // e.g. "default (resnet20, Fashion-MNIST)"
    QString source;
    ModelRequest request;
    ArchitectureSummary summary;
    QStringList labels;
    QString preprocessing;       // e.g. "fashion-mnist: 1×28×28, inverted on light backgrounds"
    bool cropsToObject = false;  // the preparation crops photos to their object (toggleable)
    QString provenance;          // the training command and accuracy, when the file says
    bool freshWeights = false;
};

struct ClassProbability {
    QString label;
    int index = 0;
    double probability = 0;
};

// ||F(x)||, ||shortcut|| and their ratio for one block, from one image.
struct BlockMagnitude {
    QString name;
    double inputNorm = 0;
    double residualNorm = 0;
    std::optional<double> shortcutNorm;  // absent in a plain network
    double outputNorm = 0;
    std::optional<double> ratio;
    std::optional<double> cosine;
    bool bypassed = false;  // a lesion: F(x) absent
};

struct ClassificationView {
    int requestId = 0;
    QString source;   // the file name, or "pasted image"
    QImage original;  // as decoded (EXIF applied, alpha composited), at most 1024 px
    // `original` with the object's box marked (the same pixels when there is none), and that
    // shrunk to the drop zone's size (null when the zone's size was not known or the image
    // is smaller): both made by the worker, so the window only draws.
    QImage marked;
    QImage shown;
    QImage networkInput;  // the pixels the network receives, before normalisation
    bool inverted = false;
    // In `original`'s pixels: where the object was found (crop-to-object preparation), and
    // the part of the image the network saw.
    std::optional<QRect> objectBox;
    QRect window;
    bool croppedToObject = false;
    QVector<ClassProbability> top;
    QVector<BlockMagnitude> blocks;
    double milliseconds = 0;  // decode + prepare + forward
    // Its stages: the image to the network's tensor, the forward with its probes, and the
    // worker's images for the window (the original, marked and shrunk).
    double prepareMilliseconds = 0;
    double forwardMilliseconds = 0;
    double imagesMilliseconds = 0;
};

// Where the time of one image went, from the worker's forward to the window showing its
// feature grid (a live frame's stages, ExplorerController::frameShown).
struct FrameTiming {
    double prepareMilliseconds = 0;  // the image to the network's tensor
    double forwardMilliseconds = 0;  // the forward with its probes
    double renderMilliseconds = 0;   // the worker's images and the selected block's grid
    double showMilliseconds = 0;     // the window's panels updated and the grid set
};

// Navigator entries: 0 is the stem, 1..N the residual blocks, N + 1 the head.
struct FeatureRequest {
    int requestId = 0;
    int entry = 1;
    TensorKind kind = TensorKind::Output;
    GridColormap colormap = GridColormap::Viridis;
    GridNormalization normalization = GridNormalization::PerChannel;
    bool sortByActivation = false;
    // Grad-CAM at the entry instead of a tensor (the stem's output, a block's output, the
    // head = the last block's output), for camClass, or the top-1 class when it is -1.
    bool gradCam = false;
    int camClass = -1;
};

struct FeatureView {
    FeatureRequest request;
    QString title;  // e.g. "layer2.0 · F(x) · 32×14×14"
    QImage grid;
    int columns = 0;
    int rows = 0;
    int tileWidth = 0;
    int tileHeight = 0;
    int gap = 0;
    QVector<int> channels;                      // the channel in each tile
    QVector<ChannelStatistics> statistics;      // indexed by channel
    QString note;                               // why nothing is shown, when the grid is empty
    std::optional<ClassProbability> explained;  // Grad-CAM: the class whose evidence is shown
    double milliseconds = 0;                    // the worker's time to render it

    // The channel drawn at pixel (x, y) of the grid, or -1.
    int channelAt(int x, int y) const;
    // One tile of the grid, or a null image.
    QImage tile(int channel) const;
};

}  // namespace reslens

Q_DECLARE_METATYPE(reslens::ModelRequest)
Q_DECLARE_METATYPE(reslens::ModelView)
Q_DECLARE_METATYPE(reslens::ClassificationView)
Q_DECLARE_METATYPE(reslens::FeatureRequest)
Q_DECLARE_METATYPE(reslens::FeatureView)
