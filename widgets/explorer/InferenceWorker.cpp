#include "widgets/explorer/InferenceWorker.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

#include "app/core/explorer/ExplorerSession.h"
#include "app/core/models/Provenance.h"
#include "imaging/ImageDecoder.h"
#include "model/runtime/InputError.h"
#include "widgets/common/QtResources.h"
#include "widgets/explorer/ImageConversion.h"
#include "widgets/explorer/MarkedObject.h"

namespace reslens {
namespace {

constexpr int kTopK = 5;
constexpr int kMaxShownSide = 1024;

QString describePreprocessing(const Preprocessing& p) {
    QString text = QStringLiteral("%1: %2×%3×%4")
                       .arg(QString::fromStdString(p.name))
                       .arg(p.channels)
                       .arg(p.cropHeight)
                       .arg(p.cropWidth);
    if (p.framing == Framing::CropToObject) {
        text += QObject::tr(", photos cropped to their object");
    }
    if (p.invert == InvertPolicy::WhenBackgroundLight) {
        text += QObject::tr(", inverted on light backgrounds");
    }
    return text;
}

// A rectangle in the decoded image's pixels, in those of the image as shown.
QRect scaledRect(const cv::Rect& r, double scale) {
    return QRect(QPoint(static_cast<int>(r.x * scale), static_cast<int>(r.y * scale)),
                 QSize(std::max(1, static_cast<int>(r.width * scale)),
                       std::max(1, static_cast<int>(r.height * scale))));
}

QString titleOf(const ModelRequest& request, const std::string& arch) {
    const QString location = QString::fromStdString(request.location);
    const QString architecture = QString::fromStdString(arch);
    switch (request.kind) {
        case ModelKind::Shipped:
            return QObject::tr("%1 (%2, shipped)").arg(location, architecture);
        case ModelKind::Fresh:
            return QObject::tr("%1 (fresh weights)").arg(architecture);
        case ModelKind::Memory:
            return location;
        case ModelKind::File:
        case ModelKind::TorchScript:
            break;
    }
    return QObject::tr("%1 (%2)").arg(QFileInfo(location).fileName(), architecture);
}

QString shapeText(const std::vector<int64_t>& shape) {
    QStringList dims;
    for (int64_t d : shape) {
        dims << QString::number(d);
    }
    return dims.join(QChar(0x00D7));
}

QString tensorTitle(TensorKind kind) {
    switch (kind) {
        case TensorKind::Input:
            return QObject::tr("input x");
        case TensorKind::Residual:
            return QObject::tr("residual F(x)");
        case TensorKind::Shortcut:
            return QObject::tr("shortcut");
        case TensorKind::Output:
            break;
    }
    return QObject::tr("output");
}

}  // namespace

InferenceWorker::InferenceWorker()
    : resources_(std::make_unique<QtResources>()),
      session_(std::make_unique<ExplorerSession>(*resources_, /*captureFeatures=*/true)) {}

InferenceWorker::~InferenceWorker() = default;

QStringList InferenceWorker::devices(QString* whyNoCuda) {
    QStringList names;
    for (const std::string& name : ExplorerSession::availableDevices()) {
        names << QString::fromStdString(name);
    }
    if (whyNoCuda) {
        *whyNoCuda = QString::fromStdString(ExplorerSession::cudaUnavailableReason());
    }
    return names;
}

void InferenceWorker::loadModel(const ModelRequest& request) {
    prerendered_.reset();
    try {
        const OpenedModel opened = session_->open(request);
        ModelView view;
        view.request = opened.request;
        view.summary = opened.summary;
        for (const std::string& label : opened.labels) {
            view.labels << QString::fromStdString(label);
        }
        view.preprocessing = describePreprocessing(opened.preprocessing);
        view.cropsToObject = opened.preprocessing.framing == Framing::CropToObject;
        view.provenance = QString::fromStdString(describeProvenance(opened.provenance));
        view.freshWeights = request.kind == ModelKind::Fresh;
        view.source = QString::fromStdString(request.location);
        view.title = titleOf(request, opened.summary.config.arch);
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
    QElapsedTimer timer;
    timer.start();
    if (requestId < newestClassification_) {
        return;  // a newer drop arrived while this one decoded
    }
    const ClassificationResult result = session_->classify(image, kTopK);

    ClassificationView view;
    view.requestId = requestId;
    view.source = source;
    view.prepareMilliseconds = result.prepareMilliseconds;
    view.forwardMilliseconds = result.forwardMilliseconds;
    QElapsedTimer images;
    images.start();
    // In the format the drop zone scales from: the conversion happens here, beside the
    // window's drawing, instead of on the GUI thread.
    view.original = qImageFromMat(image.pixels).convertToFormat(QImage::Format_RGB32);
    if (std::max(view.original.width(), view.original.height()) > kMaxShownSide) {
        view.original = view.original.scaled(kMaxShownSide, kMaxShownSide, Qt::KeepAspectRatio,
                                             Qt::SmoothTransformation);
    }
    view.networkInput = qImageFromMat(result.networkView);
    view.inverted = result.inverted;
    const double scale = static_cast<double>(view.original.width()) / image.pixels.cols;
    if (result.objectBox) {
        view.objectBox = scaledRect(*result.objectBox, scale);
    }
    view.window = scaledRect(result.window, scale);
    view.croppedToObject = result.croppedToObject;
    view.marked = markedObject(view.original, view);
    view.shown = shownImage(view.marked, QSize(shownWidth_, shownHeight_));
    view.imagesMilliseconds = images.nsecsElapsed() / 1e6;
    for (const RankedClass& c : result.top) {
        view.top.push_back(
            {QString::fromStdString(c.label), static_cast<int>(c.index), c.probability});
    }
    for (const BlockStatistics& s : result.blocks) {
        view.blocks.push_back({QString::fromStdString(s.name), s.inputNorm, s.residualNorm,
                               s.shortcutNorm, s.outputNorm, s.residualRatio, s.cosine,
                               s.bypassed});
    }
    view.milliseconds = timer.nsecsElapsed() / 1e6;
    Q_EMIT classified(view);
    prerendered_.reset();
    if (lastFeatureRequest_ && !lastFeatureRequest_->gradCam) {
        prerendered_ = featureView(*lastFeatureRequest_);
    }
}

FeatureView InferenceWorker::featureView(const FeatureRequest& request) {
    QElapsedTimer timer;
    timer.start();
    FeatureView view = featureViewUntimed(request);
    view.milliseconds = timer.nsecsElapsed() / 1e6;
    return view;
}

FeatureView InferenceWorker::featureViewUntimed(const FeatureRequest& request) {
    FeatureView view;
    view.request = request;
    try {
        if (!session_->hasModel()) {
            view.note = tr("Drop an image to see what each block does with it.");
            return view;
        }
        if (request.gradCam) {
            renderGradCam(view);
            return view;
        }
        BlockQuery query;
        query.tensor = request.kind;
        query.colormap = request.colormap;
        query.normalization = request.normalization;
        query.sortByActivation = request.sortByActivation;
        // Entries past either end show the stem or the head, as the navigator does.
        const int blocks = static_cast<int>(session_->model().blockNames.size());
        query.entry = std::clamp(request.entry, 0, blocks + 1);
        const BlockRendering rendering = session_->render(query);
        const QString name = QString::fromStdString(rendering.blockName);
        switch (rendering.place) {
            case BlockRendering::Place::Stem:
                view.title = tr("stem output");
                break;
            case BlockRendering::Place::Head:
                view.title = tr("last block output, before average pooling");
                break;
            case BlockRendering::Place::Block:
                view.title = name + QStringLiteral(" · ") + tensorTitle(request.kind);
                break;
        }
        switch (rendering.status) {
            case BlockRendering::Status::NoImageYet:
                view.title.clear();
                view.note = tr("Drop an image to see what each block does with it.");
                break;
            case BlockRendering::Status::NoShortcut:
                view.note = tr("%1 has no shortcut: it is a block of a plain network.").arg(name);
                break;
            case BlockRendering::Status::Bypassed:
                view.note = tr("%1 is bypassed: F(x) is not computed, the block passes its "
                               "shortcut on alone.")
                                .arg(name);
                break;
            case BlockRendering::Status::Rendered:
                view.title += QStringLiteral(" · ") + shapeText(rendering.shape);
                view.grid = qImageFromMat(rendering.grid);
                view.columns = rendering.columns;
                view.rows = rendering.rows;
                view.tileWidth = rendering.tileWidth;
                view.tileHeight = rendering.tileHeight;
                view.gap = rendering.gap;
                view.channels = QVector<int>(rendering.channels.begin(), rendering.channels.end());
                view.statistics = QVector<ChannelStatistics>(rendering.statistics.begin(),
                                                             rendering.statistics.end());
                break;
        }
    } catch (const std::exception& e) {
        view.grid = QImage();
        view.note = tr("Cannot draw the feature maps: %1").arg(QString::fromUtf8(e.what()));
    }
    return view;
}

namespace {

// Whether two requests ask for the same grid (their ids aside).
bool sameGrid(const FeatureRequest& a, const FeatureRequest& b) {
    return a.entry == b.entry && a.kind == b.kind && a.colormap == b.colormap &&
           a.normalization == b.normalization && a.sortByActivation == b.sortByActivation &&
           a.gradCam == b.gradCam && a.camClass == b.camClass;
}

}  // namespace

void InferenceWorker::renderFeatures(const FeatureRequest& request) {
    if (request.requestId < newestFeature_) {
        return;
    }
    lastFeatureRequest_ = request;
    FeatureView view;
    if (prerendered_ && sameGrid(prerendered_->request, request)) {
        view = *prerendered_;
        view.request = request;
    } else {
        view = featureView(request);
    }
    prerendered_.reset();
    Q_EMIT featuresRendered(view);
}

void InferenceWorker::traceGradCam(int classIndex) {
    try {
        if (!session_->hasImage()) {
            Q_EMIT traceFailed(tr("no image has been classified yet"));
            return;
        }
        Q_EMIT gradCamTraced(reslens::traceGradCam(*session_, classIndex));
    } catch (const std::exception& e) {
        Q_EMIT traceFailed(QString::fromUtf8(e.what()));
    }
}

void InferenceWorker::renderGradCam(FeatureView& view) {
    if (!session_->hasImage()) {
        view.note = tr("Drop an image to see where the evidence for its class lies.");
        return;
    }
    CamQuery query;
    const int blocks = static_cast<int>(session_->model().blockNames.size());
    query.entry = std::clamp(view.request.entry, 0, blocks + 1);
    query.classIndex = view.request.camClass;
    const CamRendering cam = session_->gradCam(query);
    const float peak = cam.cam.empty() ? 0 : *std::max_element(cam.cam.begin(), cam.cam.end());
    const QString label = QString::fromStdString(cam.explained.label);
    view.title = tr("Grad-CAM · %1 · evidence for %2 (%3%) · %4×%5")
                     .arg(query.entry == 0 ? tr("stem output") : QString::fromStdString(cam.target))
                     .arg(label)
                     .arg(100 * cam.explained.probability, 0, 'f', 1)
                     .arg(cam.height)
                     .arg(cam.width);
    view.explained = ClassProbability{label, int(cam.explained.index), cam.explained.probability};
    if (peak > 0) {
        view.grid = qImageFromMat(cam.overlay);
    } else {
        view.note = tr("No positive evidence for %1 at %2: the weighted sum of the channels is "
                       "at or below zero everywhere (Grad-CAM keeps only what speaks for the "
                       "class).")
                        .arg(label, QString::fromStdString(cam.target));
    }
}

void InferenceWorker::setDevice(const QString& name) {
    prerendered_.reset();
    try {
        session_->setDevice(name.toStdString());
        Q_EMIT deviceChanged(name);
    } catch (const std::exception& e) {
        Q_EMIT deviceFailed(QString::fromUtf8(e.what()));
    }
}

void InferenceWorker::setBypassed(const QStringList& blocks) {
    prerendered_.reset();
    try {
        std::set<std::string> names;
        for (const QString& block : blocks) {
            names.insert(block.toStdString());
        }
        session_->setBypassed(names);
        Q_EMIT bypassChanged(blocks);
    } catch (const std::exception& e) {
        Q_EMIT bypassFailed(QString::fromUtf8(e.what()));
    }
}

void InferenceWorker::setCropToObject(bool enabled) {
    prerendered_.reset();
    session_->setCropToObject(enabled);
}

}  // namespace reslens
