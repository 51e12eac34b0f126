#pragma once

// The lesion view's worker, on its own thread: runs the application layer's lesion study
// for one model at a time and reports progress. Cancel is checked after every evaluation.

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

#include "app/core/LesionTypes.h"
#include "app/core/ModelRequest.h"

namespace reslens {

class QtResources;

class LesionWorker : public QObject {
    Q_OBJECT

public:
    LesionWorker();
    ~LesionWorker() override;

    // Thread-safe: the running study stops after its current evaluation.
    void cancel() { cancelled_ = true; }
    // Before queuing a run, on the caller's thread: a cancel that arrives before the
    // worker has begun then still counts (run() must not clear it).
    void rearm() { cancelled_ = false; }

public Q_SLOTS:
    void run(const reslens::ModelRequest& request, const QString& data, const QString& device,
             const reslens::LesionOptions& options);

Q_SIGNALS:
    void progressed(int done, int total, const QString& what);
    void finished(const reslens::NamedLesionStudy& study);
    void failed(const QString& message);

private:
    std::unique_ptr<QtResources> resources_;
    std::atomic<bool> cancelled_{false};
};

}  // namespace reslens

Q_DECLARE_METATYPE(reslens::NamedLesionStudy)
