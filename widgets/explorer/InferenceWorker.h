#pragma once

// The explorer's worker on its own thread (the window owns the thread): a thin adapter that
// passes requests to the application layer's ExplorerSession and turns its plain answers
// into QImages and QStrings. Requests carry increasing ids: a request older than the newest
// one announced through supersede...() is dropped when it reaches the front of the queue,
// so a burst of drops classifies only the last image.

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

#include "app/core/explorer/GradCamTrace.h"
#include "widgets/explorer/ViewTypes.h"

namespace reslens {

struct DecodedImage;
class ExplorerSession;
class QtResources;

class InferenceWorker : public QObject {
    Q_OBJECT

public:
    InferenceWorker();
    ~InferenceWorker() override;

    // "cpu" and every CUDA device this LibTorch sees; the reason CUDA is unavailable, if so.
    static QStringList devices(QString* cudaUnavailableReason);

    // Thread-safe: called by the window before it queues a request.
    void supersedeClassifications(int newestRequestId) { newestClassification_ = newestRequestId; }
    void supersedeFeatures(int newestRequestId) { newestFeature_ = newestRequestId; }
    // Thread-safe: the drop zone's size in device pixels, which each photo is shrunk to here
    // (with its object marked) instead of on the window's thread.
    void setShownSize(const QSize& devicePixels) {
        shownWidth_ = devicePixels.width();
        shownHeight_ = devicePixels.height();
    }

public Q_SLOTS:
    void loadModel(const reslens::ModelRequest& request);
    void classifyFile(int requestId, const QString& path);
    void classifyImage(int requestId, const QImage& image, const QString& sourceName);
    void renderFeatures(const reslens::FeatureRequest& request);
    void setDevice(const QString& device);
    // Photos cropped to their object (when the model's preparation does); the window
    // re-classifies the image afterwards.
    void setCropToObject(bool enabled);
    // A live lesion: these blocks bypassed from the next classification on. Emits
    // bypassChanged with the blocks now bypassed (unchanged on failure, with bypassFailed).
    void setBypassed(const QStringList& blocks);
    // Grad-CAM of the last image at the stem and every block (GradCamTrace.h), for the
    // Grad-CAM lesson. Emits gradCamTraced, or traceFailed with the reason.
    void traceGradCam(int classIndex);

Q_SIGNALS:
    void modelLoaded(const reslens::ModelView& model);
    void modelFailed(const QString& message);
    void classified(const reslens::ClassificationView& view);
    void classificationFailed(int requestId, const QString& message);
    void featuresRendered(const reslens::FeatureView& view);
    void deviceChanged(const QString& device);
    void deviceFailed(const QString& message);
    void bypassChanged(const QStringList& blocks);
    void bypassFailed(const QString& message);
    void gradCamTraced(const reslens::CamTrace& trace);
    void traceFailed(const QString& message);

private:
    void classifyDecoded(int requestId, const QString& source, const DecodedImage& image);
    // Fills the view with Grad-CAM over the network's input, or a note saying why not.
    void renderGradCam(FeatureView& view);
    // The grid (or the note saying why there is none) that `request` asks for.
    FeatureView featureView(const FeatureRequest& request);  // with its time
    FeatureView featureViewUntimed(const FeatureRequest& request);

    std::unique_ptr<QtResources> resources_;
    std::unique_ptr<ExplorerSession> session_;
    std::atomic<int> newestClassification_{0};
    std::atomic<int> newestFeature_{0};
    std::atomic<int> shownWidth_{0};
    std::atomic<int> shownHeight_{0};
    // Right after a classification the worker renders the grid of the last feature request
    // while the window draws the predictions; the window's request for that same grid,
    // which follows, is then answered at once. Anything else that changes what a grid
    // shows drops it.
    std::optional<FeatureRequest> lastFeatureRequest_;
    std::optional<FeatureView> prerendered_;
};

}  // namespace reslens

Q_DECLARE_METATYPE(reslens::CamTrace)
