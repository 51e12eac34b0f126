#include "widgets/LandscapeWorker.h"

#include <QElapsedTimer>

#include "widgets/QtResources.h"

namespace reslens {

LandscapeWorker::LandscapeWorker() : resources_(std::make_unique<QtResources>()) {}

LandscapeWorker::~LandscapeWorker() = default;

void LandscapeWorker::run(const ModelRequest& request, const QString& data, const QString& device,
                          const LandscapeOptions& options) {
    QElapsedTimer timer;
    timer.start();
    try {
        const NamedLandscape slice =
            runLandscape(*resources_, request, DataSpec::parse(data.toStdString()),
                         device.toStdString(), options, [&](int done, int total) {
                             Q_EMIT progressed(done, total, timer.elapsed() / 1000.0);
                             return !cancelled_.load();
                         });
        Q_EMIT finished(slice);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
}

void LandscapeWorker::calibrate(const ModelRequest& request, const QString& device) {
    try {
        const double seconds = landscapeSecondsPerImage(*resources_, request, device.toStdString());
        Q_EMIT calibrated(QString::fromStdString(request.location), device, seconds);
    } catch (const std::exception&) {
        // No estimate; running the slice reports the same error in words.
    }
}

}  // namespace reslens
