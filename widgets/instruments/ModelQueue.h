#pragma once

// The models an instrument view runs one after another on its study runner: Run queues the
// loaded model and its twin (the shipped partner, when it has one), *Add a twin…* queues any
// model beside what is shown. The next starts when the runner has delivered the last; a
// failure or a cancel empties the queue.

#include <QObject>
#include <QVector>

#include <functional>

#include "app/core/models/ModelRequest.h"

namespace reslens {

class StudyRunner;

class ModelQueue : public QObject {
    Q_OBJECT

public:
    // `start` queues one model's job on `runner` (the view's study of it).
    ModelQueue(StudyRunner* runner, std::function<void(const ModelRequest&)> start,
               QObject* parent = nullptr);

    void setModel(const ModelRequest& model) { model_ = model; }
    // The model, then its twin; false (and nothing queued) while something runs.
    bool runModelAndTwin();
    // After whatever is queued or running.
    void add(const ModelRequest& request);
    void clear() { queue_.clear(); }
    // Queued or running.
    bool running() const;

Q_SIGNALS:
    // The runner delivered its last job and nothing is queued.
    void allFinished();

private:
    void startNext();

    StudyRunner* runner_;
    std::function<void(const ModelRequest&)> start_;
    ModelRequest model_;
    QVector<ModelRequest> queue_;
};

}  // namespace reslens
