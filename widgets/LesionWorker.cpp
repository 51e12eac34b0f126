#include "widgets/LesionWorker.h"

#include "app/core/LesionStudyRequest.h"
#include "widgets/QtResources.h"

namespace reslens {

LesionWorker::LesionWorker() : resources_(std::make_unique<QtResources>()) {}

LesionWorker::~LesionWorker() = default;

void LesionWorker::run(const ModelRequest& request, const QString& data, const QString& device,
                       const LesionOptions& options) {
    try {
        const NamedLesionStudy study = runLesionStudy(
            *resources_, request, DataSpec::parse(data.toStdString()), device.toStdString(),
            options, [this](int done, int total, const std::string& what) {
                Q_EMIT progressed(done, total, QString::fromStdString(what));
                return !cancelled_.load();
            });
        Q_EMIT finished(study);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
}

}  // namespace reslens
