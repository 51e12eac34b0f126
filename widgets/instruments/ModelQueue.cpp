#include "widgets/instruments/ModelQueue.h"

#include "app/core/models/ModelTwins.h"
#include "widgets/studies/StudyRunner.h"

namespace reslens {

ModelQueue::ModelQueue(StudyRunner* runner, std::function<void(const ModelRequest&)> start,
                       QObject* parent)
    : QObject(parent), runner_(runner), start_(std::move(start)) {
    connect(runner_, &StudyRunner::failed, this, [this] { queue_.clear(); });
    connect(runner_, &StudyRunner::finished, this, [this] {
        if (!queue_.isEmpty()) {
            startNext();
        } else {
            Q_EMIT allFinished();
        }
    });
}

bool ModelQueue::running() const {
    return !queue_.isEmpty() || runner_->running();
}

bool ModelQueue::runModelAndTwin() {
    if (running()) {
        return false;
    }
    const std::vector<ModelRequest> models = modelWithTwin(model_);
    queue_ = QVector<ModelRequest>(models.begin(), models.end());
    startNext();
    return true;
}

void ModelQueue::add(const ModelRequest& request) {
    queue_.append(request);
    if (!runner_->running()) {
        startNext();
    }
}

void ModelQueue::startNext() {
    if (!queue_.isEmpty()) {
        start_(queue_.takeFirst());
    }
}

}  // namespace reslens
