#pragma once

// The explorer's protocol, out of the window: the inference worker on its own thread, the
// request ids that let the newest drop win, the model and the image on screen, and the
// explorer's panels (input, predictions, blocks, feature maps, magnitudes, parameters),
// which the shell places in its docks and tabs. Everything a lesson, a start-up script or a
// test asks of the explorer goes through here.

#include <QHash>
#include <QImage>
#include <QObject>
#include <QStringList>
#include <QThread>
#include <QVariantMap>

#include "app/core/explorer/TensorKind.h"
#include "widgets/explorer/ViewTypes.h"

class QMimeData;
class QWidget;

namespace reslens {

class BlockListWidget;
class BypassBar;
class FeatureMapPanel;
class InferenceWorker;
class InputPanel;
class MagnitudeChart;
class ParameterTable;
class PredictionBars;
struct CamTrace;

// The explorer's panels, for the shell to place; owned by whatever it puts them in.
struct ExplorerPanels {
    InputPanel* input;
    QWidget* predictions;  // the bypass bar above the prediction bars
    BlockListWidget* blocks;
    FeatureMapPanel* features;
    MagnitudeChart* magnitudes;
    ParameterTable* parameters;
};

class ExplorerController : public QObject {
    Q_OBJECT

public:
    explicit ExplorerController(QObject* parent = nullptr);
    // Lets a running forward finish, then stops the worker's thread.
    ~ExplorerController() override;

    const ExplorerPanels& panels() const { return panels_; }
    // The worker, living on its own thread (for tests that watch it go away).
    QObject* worker() const;
    // The devices the worker can use; why CUDA cannot, when it cannot.
    static QStringList devices(QString* whyNoCuda);

    // The first model: opened, then `image` classified (the gallery's first sample if empty).
    void openFirstModel(const ModelRequest& request, const QString& image);
    const ModelView& model() const { return model_; }
    const ClassificationView& lastClassification() const { return classification_; }
    QString bypassText() const;  // the bypass bar's line; empty while no block is bypassed
    // Drop or paste: an image file, image data or a model file; false when it holds none.
    bool takeMimeData(const QMimeData* mime);
    // The navigator: 0 the stem, 1..N the blocks, N + 1 the head; `step` moves by one.
    void selectEntry(int entry);
    void stepEntry(int step);
    void setTensorKind(TensorKind kind);
    void showGradCam();
    bool gradCamShown() const;
    QVariantMap featureOptions() const;
    void restoreFeatureOptions(const QVariantMap& options);

    // Each returns an empty string on success, else the reason (also sent as errorOccurred).
    QString exportFeatureGrid(const QString& path);
    QString exportMagnitudeChart(const QString& path);  // .png or .svg
    QString exportStatistics(const QString& path);      // .csv or .json

public Q_SLOTS:
    void openModel(const reslens::ModelRequest& request);
    // An image file; a model or checkpoint file goes to modelFileDropped instead.
    void classifyFile(const QString& path);
    void classifyPastedImage(const QImage& image);
    // A frame of a camera or a video, named `label` ("camera", "clip.mp4 · frame 12"): the
    // request's id, which classificationAnswered and frameShown carry. Kept as the image on
    // screen, so that a toggle or another model classifies the frame again.
    int classifyFrame(const QImage& frame, const QString& label);
    void setCropToObject(bool enabled);
    // A live lesion: these blocks bypassed, the current image classified again.
    void setBypass(const QStringList& blocks);
    void setDevice(const QString& device);
    // Grad-CAM of the current image at the stem and every block (GradCamTrace.h); answers
    // with gradCamTraced, or an error.
    void traceGradCam();

Q_SIGNALS:
    void modelShown(const QString& title);
    // The model on screen changed: what the shell, the lab and the studies follow.
    void modelChanged(const reslens::ModelView& view);
    void predictionsShown(int requestId);
    // Every answer the worker gives, also for a request a newer one superseded: the live
    // pipeline's sign that the worker is free. `ok` is false for a failure.
    void classificationAnswered(int requestId, bool ok);
    // The image of `requestId` is on screen with the selected block's grid; its stages' times.
    void frameShown(int requestId, const reslens::FrameTiming& timing);
    void featureGridShown(int entry);
    void gradCamTraced(const reslens::CamTrace& trace);
    void errorOccurred(const QString& message);
    void deviceChanged(const QString& device);
    void deviceFailed(const QString& message);
    // A status-bar line (empty: clear it), and the last image's time.
    void statusChanged(const QString& message);
    void timingChanged(const QString& text);
    // An image file classified (for the recent list), a model file dropped or chosen.
    void imageFileShown(const QString& path);
    void modelFileDropped(const QString& path);
    void openImageRequested();

private:
    void connectWorker();
    void connectPanels();
    void reclassifyCurrent();
    void onModelLoaded(const reslens::ModelView& view);
    void onClassified(const reslens::ClassificationView& view);
    void onClassificationFailed(int requestId, const QString& message);
    void onEntrySelected(int entry);
    void onFeaturesRendered(const reslens::FeatureView& view);
    void requestFeatures();

    QThread workerThread_;
    InferenceWorker* worker_;
    ExplorerPanels panels_;
    BypassBar* bypassBar_;
    PredictionBars* predictionBars_;

    ModelView model_;
    ModelRequest pendingModel_;
    bool modelReady_ = false;
    ClassificationView classification_;
    QImage lastImage_;  // pasted or a frame: re-classified when "crop to object" changes
    QString lastImageLabel_;
    // The classification whose grid the next feature answer completes, and its timing so far.
    int timedRequest_ = 0;
    int timedFeatureRequest_ = 0;
    FrameTiming timing_;
    QString lastImagePath_;             // re-classified when another model is opened
    QHash<int, QString> pendingPaths_;  // request id -> file, until it is answered
    int classificationId_ = 0;
    int featureId_ = 0;
    bool firstModelShown_ = false;
    QString firstImage_;
};

}  // namespace reslens
