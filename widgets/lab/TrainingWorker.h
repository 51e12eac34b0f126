#pragma once

// The training lab's worker on its own thread: a thin adapter over the application layer's
// TrainingJob, which prepares the recipe, trains the network and its plain twin in lockstep
// and keeps them afterwards. This class only turns the lab's request into a recipe and the
// job's reports into Qt signals. pause(), resume() and stop() are safe from any thread.

#include <QByteArray>
#include <QObject>

#include <memory>

#include "widgets/lab/TrainingTypes.h"

namespace reslens {

class TrainingJob;

class TrainingWorker : public QObject {
    Q_OBJECT

public:
    TrainingWorker();
    ~TrainingWorker() override;

    // Thread-safe.
    void pause();
    void resume();
    void stop();
    bool paused() const;

    // The trained network of a run as a ResLens model file; thread-safe, empty while a run
    // is in progress or when there is none (the reason in `error`).
    QByteArray modelFile(int run, QString* error) const;

public Q_SLOTS:
    void start(const reslens::TrainingRequest& request);

Q_SIGNALS:
    void started(const reslens::TrainingPlan& plan);
    void stepped(const reslens::StepUpdate& update);
    void runEnded(int run, reslens::RunStatus status, const QString& message);
    void failed(const QString& message);  // the run could not start
    void finished();

private:
    std::unique_ptr<TrainingJob> job_;
};

}  // namespace reslens
