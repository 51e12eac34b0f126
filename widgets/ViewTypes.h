#pragma once

// What the inference worker hands the widgets: plain values and QImages, no tensors, so
// that no widget header needs LibTorch (DESIGN.md).

#include <QByteArray>
#include <QImage>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

#include "model/ArchitectureSummary.h"

namespace reslens {

// Which model to show: a shipped one, a ResLens file, a torchvision TorchScript file to
// import, an architecture built with fresh weights, or a model file held in memory (a
// network just trained in the lab).
struct ModelRequest {
    enum class Kind { Shipped, File, TorchScript, Fresh, Memory };
    Kind kind = Kind::Shipped;
    QString location;     // shipped name, a path, an arch name, or the in-memory model's title
    ResNetConfig config;  // for Fresh
    QByteArray bytes;     // for Memory: a ResLens model file

    static ModelRequest shipped(const QString& name) { return make(Kind::Shipped, name); }
    static ModelRequest file(const QString& path) { return make(Kind::File, path); }
    static ModelRequest torchScript(const QString& path) { return make(Kind::TorchScript, path); }
    static ModelRequest fresh(const ResNetConfig& config) {
        ModelRequest r = make(Kind::Fresh, QString::fromStdString(config.arch));
        r.config = config;
        return r;
    }
    static ModelRequest memory(const QString& title, const QByteArray& modelFile) {
        ModelRequest r = make(Kind::Memory, title);
        r.bytes = modelFile;
        return r;
    }

private:
    static ModelRequest make(Kind kind, const QString& location) {
        ModelRequest r;
        r.kind = kind;
        r.location = location;
        return r;
    }
};

struct ModelView {
    QString title;  // e.g. "default (resnet20, Fashion-MNIST)"
    QString source;
    ModelRequest request;
    ArchitectureSummary summary;
    QStringList labels;
    QString preprocessing;  // e.g. "fashion-mnist: 1×28×28, inverted on light backgrounds"
    QString provenance;     // the training command and accuracy, when the file says
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
};

struct ClassificationView {
    int requestId = 0;
    QString source;       // the file name, or "pasted image"
    QImage original;      // as decoded (EXIF applied, alpha composited), at most 1024 px
    QImage networkInput;  // the pixels the network receives, before normalisation
    bool inverted = false;
    QVector<ClassProbability> top;
    QVector<BlockMagnitude> blocks;
    double milliseconds = 0;  // decode + prepare + forward
};

// Which tensor of a block the feature grid shows.
enum class TensorKind { Input, Residual, Shortcut, Output };

// Navigator entries: 0 is the stem, 1..N the residual blocks, N + 1 the head.
struct FeatureRequest {
    int requestId = 0;
    int entry = 1;
    TensorKind kind = TensorKind::Output;
    int colormap = 0;       // GridColormap
    int normalization = 0;  // GridNormalization
    bool sortByActivation = false;
};

struct ChannelStatistics {
    int channel = 0;
    double mean = 0;
    double std = 0;
    double min = 0;
    double max = 0;
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
    QVector<int> channels;                  // the channel in each tile
    QVector<ChannelStatistics> statistics;  // indexed by channel
    QString note;                           // why nothing is shown, when the grid is empty

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
