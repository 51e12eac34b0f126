#include "widgets/live/CameraSource.h"

#include <QCamera>
#include <QElapsedTimer>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoSink>

namespace reslens {

CameraSource::CameraSource(QObject* parent) : QObject(parent), sink_(new QVideoSink(this)) {
    connect(sink_, &QVideoSink::videoFrameChanged, this, &CameraSource::onFrame);
}

CameraSource::~CameraSource() {
    stop();
}

QList<QCameraDevice> CameraSource::cameras() {
    return QMediaDevices::videoInputs();
}

QString CameraSource::whyNoCamera() {
    return cameras().isEmpty() ? tr("No camera found: none is connected, or the system gives "
                                    "this user none (is it in the 'video' group?)")
                               : QString();
}

bool CameraSource::start(const QCameraDevice& device, QString* error) {
    stop();
    if (device.isNull()) {
        *error =
            whyNoCamera().isEmpty() ? tr("That camera is no longer connected.") : whyNoCamera();
        return false;
    }
    camera_ = std::make_unique<QCamera>(device);
    device_ = device;
    connect(camera_.get(), &QCamera::errorOccurred, this,
            [this](QCamera::Error, const QString& message) {
                fail(tr("The camera %1 stopped: %2").arg(name(), message));
            });
    connect(new QMediaDevices(camera_.get()), &QMediaDevices::videoInputsChanged, this,
            &CameraSource::onDevicesChanged);
    if (!session_) {
        // Made with the first camera: a capture session sets up the media back end, which
        // a window that never opens a camera has no need of.
        session_ = new QMediaCaptureSession(this);
        session_->setVideoSink(sink_);
    }
    session_->setCamera(camera_.get());
    camera_->start();
    if (camera_->error() != QCamera::NoError) {
        *error = tr("The camera %1 cannot be used: %2").arg(name(), camera_->errorString());
        stop();
        return false;
    }
    return true;
}

void CameraSource::stop() {
    if (camera_) {
        session_->setCamera(nullptr);
        camera_->stop();
        // Not deleted here: stop() may run inside one of the camera's own signals.
        camera_.release()->deleteLater();
    }
    fresh_ = false;
    newest_ = QVideoFrame();
}

QString CameraSource::name() const {
    return device_.description();
}

void CameraSource::onFrame(const QVideoFrame& frame) {
    if (!frame.isValid()) {
        return;
    }
    newest_ = frame;
    fresh_ = true;
    Q_EMIT frameAvailable();
}

std::optional<LiveFrame> CameraSource::takeFrame() {
    if (!fresh_) {
        return std::nullopt;
    }
    fresh_ = false;
    QElapsedTimer timer;
    timer.start();
    LiveFrame live;
    live.image = newest_.toImage().convertToFormat(QImage::Format_RGB888);
    if (live.image.isNull()) {
        return std::nullopt;
    }
    live.index = taken_++;
    live.timeSeconds = newest_.startTime() >= 0 ? newest_.startTime() / 1e6 : 0;
    live.decodeMilliseconds = timer.nsecsElapsed() / 1e6;
    return live;
}

void CameraSource::onDevicesChanged() {
    if (!camera_) {
        return;
    }
    for (const QCameraDevice& device : cameras()) {
        if (device.id() == device_.id()) {
            return;
        }
    }
    fail(tr("The camera %1 was unplugged; the last frame stays on screen.").arg(name()));
}

void CameraSource::fail(const QString& message) {
    stop();
    Q_EMIT failed(message);
}

}  // namespace reslens
