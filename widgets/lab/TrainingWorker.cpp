#include "widgets/lab/TrainingWorker.h"

#include "app/core/training/TrainingJob.h"
#include "model/runtime/InputError.h"
#include "widgets/lab/StepConversion.h"

namespace reslens {
namespace {

DataSpec specOf(const TrainingRequest& request) {
    DataSpec spec;
    spec.split = Split::Train;
    switch (request.data) {
        case TrainingRequest::Data::FashionMnist:
            spec.kind = DataSpec::Kind::FashionMnist;
            spec.directory = request.directory.isEmpty() ? std::string(kFashionMnistDirectory)
                                                         : request.directory.toStdString();
            break;
        case TrainingRequest::Data::Cifar10:
            spec.kind = DataSpec::Kind::Cifar10;
            spec.directory = request.directory.toStdString();
            break;
        case TrainingRequest::Data::Folder:
            spec.kind = DataSpec::Kind::Folder;
            spec.directory = request.directory.toStdString();
            break;
    }
    if (spec.kind != DataSpec::Kind::FashionMnist && spec.directory.empty()) {
        throw InputError("choose the dataset's directory first");
    }
    return spec;
}

TrainingRecipe recipeOf(const TrainingRequest& request) {
    ResNetConfig config = request.config;
    config.batchNorm = request.batchNorm;
    TrainingRecipe recipe = TrainingRecipe::forLab(
        config, specOf(request), request.steps, request.batch, request.learningRate, request.seed);
    recipe.withPlainTwin = request.compare;
    recipe.subset = request.subset;
    recipe.device = request.device.toStdString();
    return recipe;
}

}  // namespace

TrainingWorker::TrainingWorker() : job_(std::make_unique<TrainingJob>()) {}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::pause() {
    job_->pause();
}

void TrainingWorker::resume() {
    job_->resume();
}

void TrainingWorker::stop() {
    job_->stop();
}

bool TrainingWorker::paused() const {
    return job_->paused();
}

QByteArray TrainingWorker::modelFile(int run, QString* error) const {
    try {
        const std::vector<char> bytes = job_->modelFile(run);
        return QByteArray(bytes.data(), qsizetype(bytes.size()));
    } catch (const std::exception& e) {
        if (error) {
            *error = QString::fromUtf8(e.what());
        }
        return QByteArray();
    }
}

void TrainingWorker::start(const TrainingRequest& request) {
    try {
        const auto onStart = [this](const TrainingStart& start) {
            TrainingPlan plan;
            for (const std::string& run : start.runs) {
                plan.runs << QString::fromStdString(run);
            }
            for (const std::string& block : start.blocks) {
                plan.blocks << QString::fromStdString(block);
            }
            plan.totalSteps = start.totalSteps;
            plan.data =
                tr("%1 (%2 images)").arg(QString::fromStdString(start.dataName)).arg(start.samples);
            Q_EMIT started(plan);
        };
        const auto onStep = [this](int run, const StepReport& r) {
            Q_EMIT stepped(toStepUpdate(run, r));
        };
        for (const RunEnd& end : job_->run(recipeOf(request), onStart, onStep)) {
            Q_EMIT runEnded(end.run, end.status, QString::fromStdString(end.message));
        }
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
    Q_EMIT finished();
}

}  // namespace reslens
