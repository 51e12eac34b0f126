#include "widgets/InferenceWorker.h"

#include <torch/torch.h>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <opencv2/imgproc.hpp>

#include <chrono>

#include "imaging/FeatureGrid.h"
#include "imaging/ImageDecoder.h"
#include "imaging/ImagePreprocessor.h"
#include "model/Classifier.h"
#include "model/DeviceSelection.h"
#include "model/FeatureCaptureProbe.h"
#include "model/InputError.h"
#include "model/ModelFile.h"
#include "model/TorchvisionImport.h"
#include "widgets/ImageConversion.h"

namespace reslens {
namespace {

constexpr int kTopK = 5;
constexpr int kMaxShownSide = 1024;

std::vector<char> readResource(const QString& path, const QString& what) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw InputError("cannot open " + what.toStdString() + " (" + path.toStdString() + ")");
    }
    const QByteArray bytes = file.readAll();
    return std::vector<char>(bytes.begin(), bytes.end());
}

std::vector<std::string> imagenetLabels() {
    QFile file(":/labels/imagenet1k.txt");
    std::vector<std::string> labels;
    if (file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        QTextStream in(&file);
        while (!in.atEnd()) {
            const QString line = in.readLine().trimmed();
            if (!line.isEmpty()) {
                labels.push_back(line.toStdString());
            }
        }
    }
    return labels;
}

// Metadata for a network that arrives without any (imports, fresh weights).
ModelMetadata metadataFor(const ResNetConfig& config, nlohmann::json provenance) {
    ModelMetadata metadata;
    metadata.config = config;
    std::vector<std::string> labels =
        config.classes == 1000 ? imagenetLabels() : std::vector<std::string>{};
    metadata.labels = labels.size() == static_cast<size_t>(config.classes)
                          ? labels
                          : numberedLabels(config.classes);
    metadata.preprocessing =
        Preprocessing::forInput(config.inChannels, config.inputHeight, config.inputWidth);
    metadata.provenance = std::move(provenance);
    return metadata;
}

LoadedModel load(const ModelRequest& request) {
    const std::string location = request.location.toStdString();
    switch (request.kind) {
        case ModelRequest::Kind::Shipped:
            return loadModelFromBuffer(readResource(":/models/" + request.location + ".pt",
                                                    "the shipped model '" + request.location + "'"),
                                       location);
        case ModelRequest::Kind::File:
            return loadModel(location);
        case ModelRequest::Kind::TorchScript: {
            ImportedNetwork imported = importTorchvision(location, std::nullopt);
            LoadedModel model;
            model.metadata = metadataFor(imported.network->config(),
                                         {{"source", "torchvision import"}, {"file", location}});
            model.network = imported.network;
            return model;
        }
        case ModelRequest::Kind::Memory:
            return loadModelFromBuffer(
                std::vector<char>(request.bytes.begin(), request.bytes.end()), location);
        case ModelRequest::Kind::Fresh: {
            request.config.validate();
            LoadedModel model;
            model.network = ResNet(request.config);
            model.network->eval();
            model.metadata = metadataFor(request.config, {{"source", "fresh weights"}});
            return model;
        }
    }
    throw InputError("unknown kind of model request");
}

QString describePreprocessing(const Preprocessing& p) {
    QString text = QStringLiteral("%1: %2×%3×%4")
                       .arg(QString::fromStdString(p.name))
                       .arg(p.channels)
                       .arg(p.cropHeight)
                       .arg(p.cropWidth);
    if (p.invert == InvertPolicy::WhenBackgroundLight) {
        text += QObject::tr(", inverted on light backgrounds");
    }
    return text;
}

QString describeProvenance(const nlohmann::json& provenance) {
    QStringList parts;
    for (const char* key : {"dataset", "test_accuracy", "command", "source", "file"}) {
        if (provenance.contains(key)) {
            const nlohmann::json& value = provenance[key];
            parts << QStringLiteral("%1: %2").arg(
                QString::fromLatin1(key),
                QString::fromStdString(value.is_string() ? value.get<std::string>()
                                                         : value.dump()));
        }
    }
    return parts.join('\n');
}

QString shapeText(const torch::Tensor& t) {
    QStringList dims;
    for (int64_t d : t.sizes().slice(1)) {
        dims << QString::number(d);
    }
    return dims.join(QChar(0x00D7));
}

}  // namespace

struct InferenceWorker::State {
    bool loaded = false;
    LoadedModel model;
    ModelRequest request;
    torch::Device device{torch::kCPU};
    std::unique_ptr<FeatureCaptureProbe> capture;
    std::vector<std::string> blockNames;
};

InferenceWorker::InferenceWorker() : state_(std::make_unique<State>()) {}

QStringList InferenceWorker::devices(QString* whyNoCuda) {
    QStringList names;
    for (const std::string& name : availableDevices()) {
        names << QString::fromStdString(name);
    }
    if (whyNoCuda) {
        *whyNoCuda = QString::fromStdString(cudaUnavailableReason());
    }
    return names;
}

InferenceWorker::~InferenceWorker() = default;

void InferenceWorker::loadModel(const ModelRequest& request) {
    try {
        LoadedModel model = load(request);
        model.network->to(state_->device);
        model.network->eval();
        ModelView view;
        view.request = request;
        view.summary = summarize(*model.network);
        for (const std::string& label : model.metadata.labels) {
            view.labels << QString::fromStdString(label);
        }
        view.preprocessing = describePreprocessing(model.metadata.preprocessing);
        view.provenance = describeProvenance(model.metadata.provenance);
        view.freshWeights = request.kind == ModelRequest::Kind::Fresh;
        view.source = request.location;
        const QString arch = QString::fromStdString(model.metadata.config.arch);
        switch (request.kind) {
            case ModelRequest::Kind::Shipped:
                view.title = tr("%1 (%2, shipped)").arg(request.location, arch);
                break;
            case ModelRequest::Kind::Fresh:
                view.title = tr("%1 (fresh weights)").arg(arch);
                break;
            case ModelRequest::Kind::Memory:
                view.title = request.location;
                break;
            default:
                view.title = tr("%1 (%2)").arg(QFileInfo(request.location).fileName(), arch);
        }

        // Replace the old model only once the new one is complete.
        state_->capture.reset();
        state_->model = std::move(model);
        state_->request = request;
        state_->capture = std::make_unique<FeatureCaptureProbe>(*state_->model.network);
        state_->blockNames.clear();
        for (const auto& block : state_->model.network->blocks()) {
            state_->blockNames.push_back(block->info().name);
        }
        state_->loaded = true;
        Q_EMIT modelLoaded(view);
    } catch (const std::exception& e) {
        Q_EMIT modelFailed(QString::fromUtf8(e.what()));
    }
}

void InferenceWorker::classifyFile(int requestId, const QString& path) {
    if (requestId < newestClassification_) {
        return;
    }
    const QString source = QFileInfo(path).fileName();
    try {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            throw InputError("cannot open '" + path.toStdString() +
                             "': " + file.errorString().toStdString());
        }
        const QByteArray bytes = file.readAll();
        const DecodedImage image =
            decodeImage(std::vector<char>(bytes.begin(), bytes.end()), source.toStdString());
        classifyDecoded(requestId, source, image);
    } catch (const std::exception& e) {
        Q_EMIT classificationFailed(requestId, QString::fromUtf8(e.what()));
    }
}

void InferenceWorker::classifyImage(int requestId, const QImage& image, const QString& source) {
    if (requestId < newestClassification_) {
        return;
    }
    try {
        if (image.isNull()) {
            throw InputError("the pasted data is not an image");
        }
        DecodedImage decoded;
        decoded.pixels = matFromQImage(image);
        decoded.format = "pasted";
        decoded.sourceChannels = image.hasAlphaChannel() ? 4 : 3;
        decoded.hadAlpha = image.hasAlphaChannel();
        classifyDecoded(requestId, source, decoded);
    } catch (const std::exception& e) {
        Q_EMIT classificationFailed(requestId, QString::fromUtf8(e.what()));
    }
}

void InferenceWorker::classifyDecoded(int requestId, const QString& source,
                                      const DecodedImage& image) {
    if (!state_->loaded) {
        throw InputError("no model is loaded");
    }
    QElapsedTimer timer;
    timer.start();
    const PreparedImage prepared = prepareImage(image, state_->model.metadata.preprocessing);
    if (requestId < newestClassification_) {
        return;  // a newer drop arrived while this one decoded
    }
    std::vector<Prediction> predictions;
    {
        torch::InferenceMode inference;
        predictions = classify(*state_->model.network,
                               prepared.tensor.unsqueeze(0).to(state_->device), kTopK);
    }

    ClassificationView view;
    view.requestId = requestId;
    view.source = source;
    view.milliseconds = timer.nsecsElapsed() / 1e6;
    view.original = qImageFromMat(image.pixels);
    if (std::max(view.original.width(), view.original.height()) > kMaxShownSide) {
        view.original = view.original.scaled(kMaxShownSide, kMaxShownSide, Qt::KeepAspectRatio,
                                             Qt::SmoothTransformation);
    }
    view.networkInput = qImageFromMat(prepared.networkView);
    view.inverted = prepared.inverted;
    const Prediction& prediction = predictions.front();
    for (const ClassScore& score : prediction.top) {
        view.top.push_back({QString::fromStdString(state_->model.metadata.label(score.index)),
                            static_cast<int>(score.index), score.probability});
    }
    for (const BlockStatistics& s : prediction.blocks) {
        view.blocks.push_back({QString::fromStdString(s.name), s.inputNorm, s.residualNorm,
                               s.shortcutNorm, s.outputNorm, s.residualRatio, s.cosine});
    }
    Q_EMIT classified(view);
}

void InferenceWorker::renderFeatures(const FeatureRequest& request) {
    if (request.requestId < newestFeature_) {
        return;
    }
    FeatureView view;
    view.request = request;
    try {
        const int blocks = static_cast<int>(state_->blockNames.size());
        if (!state_->capture || state_->capture->captured().empty() || blocks == 0) {
            view.note = tr("Drop an image to see what each block does with it.");
            Q_EMIT featuresRendered(view);
            return;
        }
        // The probe holds every block's tensors from the last classification.
        const auto& captured = state_->capture->captured();
        torch::InferenceMode inference;
        torch::Tensor maps;
        QString title;
        if (request.entry <= 0) {
            maps = captured.at(state_->blockNames.front()).input;
            title = tr("stem output");
        } else if (request.entry > blocks) {
            maps = captured.at(state_->blockNames.back()).output;
            title = tr("last block output, before average pooling");
        } else {
            const std::string& name = state_->blockNames[request.entry - 1];
            const CapturedBlock& block = captured.at(name);
            title = QString::fromStdString(name) + QStringLiteral(" · ");
            switch (request.kind) {
                case TensorKind::Input:
                    maps = block.input;
                    title += tr("input x");
                    break;
                case TensorKind::Residual:
                    maps = block.residual;
                    title += tr("residual F(x)");
                    break;
                case TensorKind::Shortcut:
                    maps = block.shortcut;
                    title += tr("shortcut");
                    break;
                case TensorKind::Output:
                    maps = block.output;
                    title += tr("output");
                    break;
            }
            if (!maps.defined()) {
                view.title = title;
                view.note = tr("%1 has no shortcut: it is a block of a plain network.")
                                .arg(QString::fromStdString(name));
                Q_EMIT featuresRendered(view);
                return;
            }
        }
        const torch::Tensor first = maps.select(0, 0).to(torch::kCPU, torch::kFloat);
        FeatureGridOptions options;
        options.colormap = static_cast<GridColormap>(request.colormap);
        options.normalization = static_cast<GridNormalization>(request.normalization);
        options.minTileSize = 32;
        if (request.sortByActivation) {
            options.channelOrder = channelsByMeanActivation(first);
        }
        const FeatureGrid grid = renderFeatureGrid(first, options);
        view.title = title + QStringLiteral(" · ") + shapeText(maps);
        view.grid = qImageFromMat(grid.image);
        view.columns = grid.columns;
        view.rows = grid.rows;
        view.tileWidth = grid.tileWidth;
        view.tileHeight = grid.tileHeight;
        view.gap = grid.gap;
        view.channels = QVector<int>(grid.channels.begin(), grid.channels.end());

        const torch::Tensor flat = first.flatten(1);
        const torch::Tensor stats =
            torch::stack({flat.mean(1), flat.std(1, /*unbiased=*/false), std::get<0>(flat.min(1)),
                          std::get<0>(flat.max(1))},
                         1)
                .to(torch::kDouble)
                .contiguous();
        const double* s = stats.data_ptr<double>();
        for (int64_t c = 0; c < stats.size(0); ++c) {
            view.statistics.push_back(
                {static_cast<int>(c), s[4 * c], s[4 * c + 1], s[4 * c + 2], s[4 * c + 3]});
        }
    } catch (const std::exception& e) {
        view.grid = QImage();
        view.note = tr("Cannot draw the feature maps: %1").arg(QString::fromUtf8(e.what()));
    }
    Q_EMIT featuresRendered(view);
}

void InferenceWorker::setDevice(const QString& name) {
    try {
        const torch::Device device = parseDevice(name.toStdString());
        if (state_->loaded) {
            state_->model.network->to(device);
        }
        state_->device = device;
        Q_EMIT deviceChanged(name);
    } catch (const std::exception& e) {
        Q_EMIT deviceFailed(QString::fromUtf8(e.what()));
    }
}

void InferenceWorker::setThreads(int threads) {
    if (threads > 0) {
        torch::set_num_threads(threads);
    }
}

}  // namespace reslens
