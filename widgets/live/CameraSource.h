#pragma once

// A camera through Qt Multimedia: QCamera into a QMediaCaptureSession whose QVideoSink
// receives the frames. Only the newest frame is kept; it becomes an image when the live
// controller takes it, so frames the worker has no time for cost no conversion.
// A camera that fails or disappears (unplugged) stops the stream with one message; the
// frame on screen stays.

#include <QCameraDevice>
#include <QList>
#include <QObject>
#include <QVideoFrame>

#include <memory>
#include <optional>

#include "widgets/live/LiveTypes.h"

class QCamera;
class QMediaCaptureSession;
class QVideoSink;

namespace reslens {

class CameraSource : public QObject {
    Q_OBJECT

public:
    explicit CameraSource(QObject* parent = nullptr);
    ~CameraSource() override;

    // The system's cameras now (empty on a machine without one).
    static QList<QCameraDevice> cameras();
    // Why no camera can be listed, or "" when there is one.
    static QString whyNoCamera();

    // Starts `device`; false and `error` set when it cannot (the previous camera stops).
    bool start(const QCameraDevice& device, QString* error);
    void stop();
    QString name() const;
    // The sink the frames arrive in (a test feeds it frames of its own).
    QVideoSink* sink() const { return sink_; }

    // The newest frame as an image, or nothing when none arrived since the last take.
    std::optional<LiveFrame> takeFrame();

Q_SIGNALS:
    void frameAvailable();
    // The stream stopped: the camera failed or was unplugged.
    void failed(const QString& message);

private:
    void onFrame(const QVideoFrame& frame);
    void onDevicesChanged();
    void fail(const QString& message);

    QMediaCaptureSession* session_ = nullptr;
    QVideoSink* sink_;
    std::unique_ptr<QCamera> camera_;
    QCameraDevice device_;
    QVideoFrame newest_;
    bool fresh_ = false;
    qint64 taken_ = 0;
};

}  // namespace reslens
