#pragma once

// The landscape view's worker, on its own thread: one slice of one model at a time, with
// progress (and the seconds spent, for the view's estimate of what is left) and cancel;
// and the short calibration behind the estimate shown before a run starts.

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

#include "app/core/LandscapeRequest.h"

namespace reslens {

class QtResources;

class LandscapeWorker : public QObject {
    Q_OBJECT

public:
    LandscapeWorker();
    ~LandscapeWorker() override;

    void cancel() { cancelled_ = true; }  // thread-safe; the weights are restored
    // Before queuing a run, on the caller's thread: a cancel that arrives before the
    // worker has begun then still counts (run() must not clear it).
    void rearm() { cancelled_ = false; }

public Q_SLOTS:
    void run(const reslens::ModelRequest& request, const QString& data, const QString& device,
             const reslens::LandscapeOptions& options);
    // Times a short batch of the model (landscapeSecondsPerImage) for the estimate shown
    // before a run; a model that cannot be opened gives no estimate (the run says why).
    void calibrate(const reslens::ModelRequest& request, const QString& device);

Q_SIGNALS:
    void progressed(int done, int total, double seconds);
    void finished(const reslens::NamedLandscape& slice);
    void failed(const QString& message);
    void calibrated(const QString& location, const QString& device, double secondsPerImage);

private:
    std::unique_ptr<QtResources> resources_;
    std::atomic<bool> cancelled_{false};
};

}  // namespace reslens

Q_DECLARE_METATYPE(reslens::NamedLandscape)
Q_DECLARE_METATYPE(reslens::LandscapeOptions)
