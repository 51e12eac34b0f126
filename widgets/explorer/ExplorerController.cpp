#include "widgets/explorer/ExplorerController.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSettings>
#include <QVBoxLayout>

#include <utility>

#include "app/core/explorer/GradCamTrace.h"
#include "app/core/models/ModelFileKind.h"
#include "widgets/common/Export.h"
#include "widgets/explorer/BlockListWidget.h"
#include "widgets/explorer/BypassBar.h"
#include "widgets/explorer/DropZone.h"
#include "widgets/explorer/FeatureMapPanel.h"
#include "widgets/explorer/InferenceWorker.h"
#include "widgets/explorer/InputPanel.h"
#include "widgets/explorer/MagnitudeChart.h"
#include "widgets/explorer/ParameterTable.h"
#include "widgets/explorer/PredictionBars.h"
#include "widgets/explorer/StatisticsExport.h"
#include "widgets/shell/SettingsKeys.h"

namespace reslens {
namespace {

QWidget* predictionsBox(BypassBar* bypass, PredictionBars* predictions) {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(bypass);
    layout->addWidget(predictions);
    layout->addStretch();
    return box;
}

}  // namespace

ExplorerController::ExplorerController(QObject* parent)
    : QObject(parent),
      worker_(new InferenceWorker),
      bypassBar_(new BypassBar),
      predictionBars_(new PredictionBars) {
    qRegisterMetaType<ModelRequest>();
    qRegisterMetaType<ModelView>();
    qRegisterMetaType<ClassificationView>();
    qRegisterMetaType<FeatureRequest>();
    qRegisterMetaType<FeatureView>();
    qRegisterMetaType<CamTrace>();
    panels_ = {new InputPanel,      predictionsBox(bypassBar_, predictionBars_),
               new BlockListWidget, new FeatureMapPanel,
               new MagnitudeChart,  new ParameterTable};

    worker_->moveToThread(&workerThread_);
    connect(&workerThread_, &QThread::finished, worker_, &QObject::deleteLater);
    workerThread_.setObjectName("inference");
    workerThread_.start();
    connectWorker();
    connectPanels();
    // The worker shrinks each photo to the drop zone's size beside the forward, so the
    // window's thread only draws it.
    connect(panels_.input->dropZone(), &DropZone::shownSizeChanged, this,
            [w = worker_](const QSize& size) { w->setShownSize(size); });
    const bool crop = QSettings().value(settings::kCropToObject, true).toBool();
    panels_.input->setCropToObject(crop);
    QMetaObject::invokeMethod(worker_, [w = worker_, crop] { w->setCropToObject(crop); });
}

ExplorerController::~ExplorerController() {
    // Let a running forward finish, then stop the thread; the worker deletes itself.
    workerThread_.quit();
    workerThread_.wait();
}

QObject* ExplorerController::worker() const {
    return worker_;
}

QStringList ExplorerController::devices(QString* whyNoCuda) {
    return InferenceWorker::devices(whyNoCuda);
}

void ExplorerController::connectPanels() {
    InputPanel* input = panels_.input;
    BlockListWidget* blocks = panels_.blocks;
    connect(input, &InputPanel::imageFileChosen, this, &ExplorerController::classifyFile);
    connect(input, &InputPanel::imagePasted, this, &ExplorerController::classifyPastedImage);
    connect(input, &InputPanel::openRequested, this, &ExplorerController::openImageRequested);
    connect(input, &InputPanel::cropToObjectToggled, this, &ExplorerController::setCropToObject);
    connect(blocks, &BlockListWidget::bypassToggled, this, &ExplorerController::setBypass);
    connect(bypassBar_, &BypassBar::restoreRequested, this, [this] { setBypass({}); });
    connect(blocks, &BlockListWidget::entrySelected, this, &ExplorerController::onEntrySelected);
    connect(panels_.features, &FeatureMapPanel::optionsChanged, this,
            &ExplorerController::requestFeatures);
    connect(predictionBars_, &PredictionBars::classClicked, panels_.features,
            &FeatureMapPanel::explainClass);
    connect(panels_.magnitudes, &MagnitudeChart::blockClicked, this,
            [blocks](int block) { blocks->selectEntry(block + 1); });
}

void ExplorerController::connectWorker() {
    connect(worker_, &InferenceWorker::modelLoaded, this, &ExplorerController::onModelLoaded);
    connect(worker_, &InferenceWorker::modelFailed, this, [this](const QString& message) {
        Q_EMIT statusChanged(QString());
        Q_EMIT errorOccurred(tr("Cannot open the model: %1").arg(message));
        if (!modelReady_ && pendingModel_.kind != ModelKind::Shipped) {
            // Nothing usable yet (a remembered file vanished): fall back to the default.
            openModel(ModelRequest::shipped("default"));
        }
    });
    connect(worker_, &InferenceWorker::classified, this, &ExplorerController::onClassified);
    connect(worker_, &InferenceWorker::classificationFailed, this,
            &ExplorerController::onClassificationFailed);
    connect(worker_, &InferenceWorker::featuresRendered, this,
            &ExplorerController::onFeaturesRendered);
    connect(worker_, &InferenceWorker::deviceChanged, this, [this](const QString& name) {
        Q_EMIT deviceChanged(name);
        if (!lastImagePath_.isEmpty()) {
            classifyFile(lastImagePath_);
        }
    });
    connect(worker_, &InferenceWorker::bypassChanged, this, [this](const QStringList& blocks) {
        panels_.blocks->showBypassed(blocks);
        bypassBar_->showBypassed(blocks);
        reclassifyCurrent();
    });
    connect(worker_, &InferenceWorker::bypassFailed, this, [this](const QString& message) {
        Q_EMIT errorOccurred(tr("Cannot bypass: %1").arg(message));
        panels_.blocks->showBypassed({});
        bypassBar_->showBypassed({});
        setBypass({});
    });
    connect(worker_, &InferenceWorker::gradCamTraced, this, &ExplorerController::gradCamTraced);
    connect(worker_, &InferenceWorker::traceFailed, this, [this](const QString& message) {
        Q_EMIT errorOccurred(tr("Cannot trace Grad-CAM: %1").arg(message));
    });
    connect(worker_, &InferenceWorker::deviceFailed, this, [this](const QString& message) {
        Q_EMIT errorOccurred(tr("Cannot use that device: %1").arg(message));
        Q_EMIT deviceFailed(message);
    });
}

void ExplorerController::openFirstModel(const ModelRequest& request, const QString& image) {
    firstImage_ = image.isEmpty() ? panels_.input->firstSample() : image;
    openModel(request);
}

void ExplorerController::openModel(const ModelRequest& request) {
    pendingModel_ = request;
    Q_EMIT statusChanged(tr("Opening %1…").arg(QString::fromStdString(request.location)));
    QMetaObject::invokeMethod(worker_, [w = worker_, request] { w->loadModel(request); });
}

void ExplorerController::onModelLoaded(const ModelView& view) {
    BlockListWidget* blocks = panels_.blocks;
    const int entry = blocks->currentEntry();
    const bool sameArchitecture =
        modelReady_ && model_.summary.config.arch == view.summary.config.arch;
    model_ = view;
    modelReady_ = true;
    blocks->showSummary(view.summary);
    panels_.parameters->setSummary(view.summary);
    panels_.magnitudes->setMagnitudes({});
    predictionBars_->setPredictions({});
    classification_ = ClassificationView();
    panels_.input->setCropToObjectAvailable(view.cropsToObject);
    bypassBar_->showBypassed({});  // a new network: every block as trained
    panels_.features->setClassLabels(view.labels);
    Q_EMIT statusChanged(QString());
    Q_EMIT modelChanged(view);
    blocks->selectEntry(sameArchitecture && entry >= 0 ? entry : 1);
    Q_EMIT modelShown(view.title);

    const QString image = !firstModelShown_ ? firstImage_ : lastImagePath_;
    firstModelShown_ = true;
    if (!image.isEmpty()) {
        classifyFile(image);
    } else {
        requestFeatures();
    }
}

void ExplorerController::classifyFile(const QString& path) {
    if (path.isEmpty()) {
        return;
    }
    if (hasModelFileSuffix(path.toStdString())) {  // a dropped model or checkpoint
        Q_EMIT modelFileDropped(path);
        return;
    }
    const int id = ++classificationId_;
    worker_->supersedeClassifications(id);
    Q_EMIT statusChanged(tr("Classifying %1…").arg(QFileInfo(path).fileName()));
    QMetaObject::invokeMethod(worker_, [w = worker_, id, path] { w->classifyFile(id, path); });
    pendingPaths_.insert(id, path);
}

void ExplorerController::classifyPastedImage(const QImage& image) {
    Q_EMIT statusChanged(tr("Classifying the pasted image…"));
    classifyFrame(image, tr("pasted image"));
}

int ExplorerController::classifyFrame(const QImage& frame, const QString& label) {
    lastImage_ = frame;
    lastImageLabel_ = label;
    const int id = ++classificationId_;
    worker_->supersedeClassifications(id);
    QMetaObject::invokeMethod(
        worker_, [w = worker_, id, frame, label] { w->classifyImage(id, frame, label); });
    return id;
}

bool ExplorerController::takeMimeData(const QMimeData* mime) {
    return panels_.input->dropZone()->takeMimeData(mime);
}

void ExplorerController::setCropToObject(bool enabled) {
    QSettings().setValue(settings::kCropToObject, enabled);
    QMetaObject::invokeMethod(worker_, [w = worker_, enabled] { w->setCropToObject(enabled); });
    reclassifyCurrent();
}

QString ExplorerController::bypassText() const {
    return bypassBar_->text();
}

void ExplorerController::setBypass(const QStringList& blocks) {
    QMetaObject::invokeMethod(worker_, [w = worker_, blocks] { w->setBypassed(blocks); });
}

void ExplorerController::setDevice(const QString& device) {
    QMetaObject::invokeMethod(worker_, [w = worker_, device] { w->setDevice(device); });
}

void ExplorerController::traceGradCam() {
    QMetaObject::invokeMethod(worker_, [w = worker_] { w->traceGradCam(-1); });
}

void ExplorerController::reclassifyCurrent() {
    // The image on screen, classified again: a toggle shows its difference at once.
    if (classification_.source == lastImageLabel_ && !lastImage_.isNull()) {
        classifyFrame(lastImage_, lastImageLabel_);
    } else {
        classifyFile(lastImagePath_);
    }
}

void ExplorerController::onClassified(const ClassificationView& view) {
    if (view.requestId != classificationId_) {
        Q_EMIT classificationAnswered(view.requestId, true);
        return;  // superseded by a newer drop
    }
    QElapsedTimer shown;
    shown.start();
    const QString path = pendingPaths_.take(view.requestId);
    pendingPaths_.clear();
    classification_ = view;
    if (!path.isEmpty()) {
        lastImagePath_ = path;
        if (!path.startsWith(':')) {
            Q_EMIT imageFileShown(path);
        }
    }
    QString caption =
        tr("%1×%2 %3")
            .arg(view.networkInput.width())
            .arg(view.networkInput.height())
            .arg(view.networkInput.format() == QImage::Format_Grayscale8 ? tr("gray") : tr("RGB"));
    if (view.croppedToObject) {
        caption += tr(", cropped to the object");
    }
    if (view.inverted) {
        caption += tr(", inverted (light background)");
    }
    panels_.input->showClassification(view, caption);
    predictionBars_->setPredictions(view.top);
    panels_.magnitudes->setMagnitudes(view.blocks);
    panels_.features->setNetworkInput(view.networkInput);
    Q_EMIT statusChanged(QString());
    Q_EMIT timingChanged(tr("%1: %2 ms").arg(view.source).arg(view.milliseconds, 0, 'f', 1));
    requestFeatures();
    timedRequest_ = view.requestId;
    timedFeatureRequest_ = featureId_;
    timing_ = {view.prepareMilliseconds, view.forwardMilliseconds, view.imagesMilliseconds,
               shown.nsecsElapsed() / 1e6};
    Q_EMIT predictionsShown(view.requestId);
    // Last: a live frame's successor is sent from here, and must find this one shown.
    Q_EMIT classificationAnswered(view.requestId, true);
}

void ExplorerController::onClassificationFailed(int requestId, const QString& message) {
    pendingPaths_.remove(requestId);
    if (requestId != classificationId_) {
        Q_EMIT classificationAnswered(requestId, false);
        return;
    }
    Q_EMIT statusChanged(QString());
    Q_EMIT errorOccurred(message);  // the previous image and prediction stay on screen
    Q_EMIT classificationAnswered(requestId, false);
}

void ExplorerController::selectEntry(int entry) {
    panels_.blocks->selectEntry(entry);
}

void ExplorerController::stepEntry(int step) {
    panels_.blocks->stepEntry(step);
}

void ExplorerController::setTensorKind(TensorKind kind) {
    panels_.features->setTensorKind(kind);
}

void ExplorerController::showGradCam() {
    panels_.features->showGradCam();
}

bool ExplorerController::gradCamShown() const {
    return panels_.features->gradCamShown();
}

QVariantMap ExplorerController::featureOptions() const {
    return panels_.features->options();
}

void ExplorerController::restoreFeatureOptions(const QVariantMap& options) {
    panels_.features->restoreOptions(options);
}

void ExplorerController::onEntrySelected(int entry) {
    panels_.parameters->selectEntry(entry);
    const int block = entry - 1;
    const bool isBlock = block >= 0 && block < panels_.blocks->blockCount();
    panels_.magnitudes->setSelectedBlock(isBlock ? block : -1);
    panels_.features->setTensorChoiceEnabled(isBlock);
    requestFeatures();
}

void ExplorerController::requestFeatures() {
    if (!modelReady_) {
        return;
    }
    FeatureRequest request = panels_.features->request(std::max(panels_.blocks->currentEntry(), 0));
    request.requestId = ++featureId_;
    worker_->supersedeFeatures(request.requestId);
    QMetaObject::invokeMethod(worker_, [w = worker_, request] { w->renderFeatures(request); });
}

void ExplorerController::onFeaturesRendered(const FeatureView& view) {
    if (view.request.requestId != featureId_) {
        return;
    }
    QElapsedTimer shown;
    shown.start();
    panels_.features->setView(view);
    predictionBars_->setExplainedClass(view.explained ? view.explained->index : -1);
    Q_EMIT featureGridShown(view.request.entry);
    if (timedFeatureRequest_ == view.request.requestId && timedRequest_ != 0) {
        timing_.renderMilliseconds += view.milliseconds;
        timing_.showMilliseconds += shown.nsecsElapsed() / 1e6;
        Q_EMIT frameShown(std::exchange(timedRequest_, 0), timing_);
    }
}

QString ExplorerController::exportFeatureGrid(const QString& path) {
    const QString error = saveImage(panels_.features->view().grid, path);
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(tr("Export failed: %1").arg(error));
    }
    return error;
}

QString ExplorerController::exportMagnitudeChart(const QString& path) {
    const QString error = saveWidgetAs(panels_.magnitudes, path, tr("ResLens magnitudes"));
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(tr("Export failed: %1").arg(error));
    }
    return error;
}

QString ExplorerController::exportStatistics(const QString& path) {
    const StatisticsSnapshot snapshot{model_.title, classification_.source, model_.summary,
                                      classification_.blocks, classification_.top};
    const QString error = path.endsWith(".json", Qt::CaseInsensitive)
                              ? saveStatisticsJson(snapshot, path)
                              : saveStatisticsCsv(snapshot, path);
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(tr("Export failed: %1").arg(error));
    }
    return error;
}

}  // namespace reslens
