#pragma once

// The one runner of every study (lesion, landscape and its calibration, responses, and the
// instruments to come): a worker thread of its own, jobs run on it one after another,
// progress, cancel, failure in one line, and the Qt resources the application layer reads
// shipped models from. A study is a job: a function of a StudyContext that returns its
// result, which comes back on the runner's (the GUI) thread. No per-study worker classes.

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace reslens {

class QtResources;
class ResourceSource;

// What a job has on the runner's thread.
class StudyContext {
public:
    StudyContext(const ResourceSource& resources, const std::atomic<bool>& cancelled,
                 std::function<void(int, int, const QString&, double)> report);

    const ResourceSource& resources() const { return resources_; }
    // Reports progress (done of total, what is being done); false once cancel was asked,
    // and the job should stop where it is and return what it has.
    bool progress(int done, int total, const QString& what = QString());
    bool cancelled() const { return cancelled_.load(); }
    // Since the job began: what the views' time-left estimates divide.
    double seconds() const { return double(timer_.elapsed()) / 1000.0; }

private:
    const ResourceSource& resources_;
    const std::atomic<bool>& cancelled_;
    std::function<void(int, int, const QString&, double)> report_;
    QElapsedTimer timer_;
};

class StudyRunner : public QObject {
    Q_OBJECT

public:
    // `name` names the thread (e.g. "lesion"), for debuggers and ThreadSanitizer.
    explicit StudyRunner(const QString& name, QObject* parent = nullptr);
    // Cancels the job that runs and waits for it to return; queued jobs are dropped.
    ~StudyRunner() override;

    // Queues a study. `done` receives its result on this object's thread; an exception
    // becomes failed() instead. A study queued after cancel() runs (cancel is for the
    // study in progress).
    template <class Result>
    void run(std::function<Result(StudyContext&)> job, std::function<void(const Result&)> done) {
        post(wrap(std::move(job), std::move(done)), true);
    }
    // Queues a job that is not a study (a calibration, say): it does not count as running,
    // reports no progress, and a failure is silent — `done` is simply not called.
    template <class Result>
    void runQuietly(std::function<Result(StudyContext&)> job,
                    std::function<void(const Result&)> done) {
        post(wrap(std::move(job), std::move(done)), false);
    }

    // Thread-safe: the study in progress stops at its next progress report.
    void cancel() { cancelled_ = true; }
    // A study is queued or running (quiet jobs do not count).
    bool running() const { return studies_ > 0; }

Q_SIGNALS:
    void progressed(int done, int total, const QString& what, double seconds);
    void failed(const QString& message);
    // After each study's result was delivered, or its failure reported.
    void finished();

private:
    // A job runs on the thread and returns what is to be done with its result on this one.
    using Work = std::function<std::function<void()>(StudyContext&)>;
    template <class Result>
    static Work wrap(std::function<Result(StudyContext&)> job,
                     std::function<void(const Result&)> done) {
        return [job = std::move(job), done = std::move(done)](StudyContext& context) {
            auto result = std::make_shared<Result>(job(context));
            return std::function<void()>([done, result] { done(*result); });
        };
    }
    void post(Work work, bool study);

    QThread thread_;
    QObject* executor_;  // lives on thread_: what jobs are queued to
    std::unique_ptr<QtResources> resources_;
    std::atomic<bool> cancelled_{false};
    int studies_ = 0;  // queued or running, counted on the runner's thread
};

}  // namespace reslens
