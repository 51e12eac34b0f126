#include "widgets/studies/StudyRunner.h"

#include "widgets/common/QtResources.h"

namespace reslens {

StudyContext::StudyContext(const ResourceSource& resources, const std::atomic<bool>& cancelled,
                           std::function<void(int, int, const QString&, double)> report)
    : resources_(resources), cancelled_(cancelled), report_(std::move(report)) {
    timer_.start();
}

bool StudyContext::progress(int done, int total, const QString& what) {
    if (report_) {
        report_(done, total, what, seconds());
    }
    return !cancelled();
}

StudyRunner::StudyRunner(const QString& name, QObject* parent)
    : QObject(parent), executor_(new QObject), resources_(std::make_unique<QtResources>()) {
    executor_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, executor_, &QObject::deleteLater);
    thread_.setObjectName(name);
    thread_.start();
}

StudyRunner::~StudyRunner() {
    cancelled_ = true;
    thread_.requestInterruption();  // queued jobs see it and do not start
    thread_.quit();
    thread_.wait();
}

void StudyRunner::post(Work work, bool study) {
    if (study) {
        cancelled_ = false;  // here, not on the thread: a cancel before it begins still counts
        ++studies_;
    }
    QMetaObject::invokeMethod(executor_, [this, work = std::move(work), study] {
        if (QThread::currentThread()->isInterruptionRequested()) {
            return;  // the runner is being destroyed
        }
        const auto report = [this](int done, int total, const QString& what, double seconds) {
            Q_EMIT progressed(done, total, what, seconds);
        };
        StudyContext context(
            *resources_, cancelled_,
            study ? std::function<void(int, int, const QString&, double)>(report) : nullptr);
        std::function<void()> deliver;
        try {
            deliver = work(context);
        } catch (const std::exception& e) {
            if (!study) {
                return;
            }
            const QString message = QString::fromUtf8(e.what());
            deliver = [this, message] { Q_EMIT failed(message); };
        }
        // Queued to the runner: dropped, not run, if the runner is gone by then. Not running
        // any more when the result arrives, so that what `done` starts next can run.
        QMetaObject::invokeMethod(
            this,
            [this, deliver = std::move(deliver), study] {
                if (study) {
                    --studies_;
                }
                deliver();
                if (study) {
                    Q_EMIT finished();
                }
            },
            Qt::QueuedConnection);
    });
}

}  // namespace reslens
