#pragma once

// Runs the training lab's runs on its own thread: loads the data, builds the network (and
// its plain twin), steps them in lockstep and reports every step. pause(), resume() and
// stop() are safe from any thread. After the run the trained networks stay here, to be
// saved or opened in the explorer.

#include <QByteArray>
#include <QObject>

#include <memory>

#include "widgets/TrainingTypes.h"

namespace reslens {

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
    // status: "finished", "cancelled" or "diverged" (with the message).
    void runEnded(int run, const QString& status, const QString& message);
    void failed(const QString& message);  // the run could not start
    void finished();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace reslens
