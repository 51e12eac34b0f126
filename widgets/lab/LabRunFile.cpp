#include "widgets/lab/LabRunFile.h"

#include <QFileInfo>
#include <QObject>

#include "app/core/training/SavedRunFile.h"
#include "widgets/lab/StepConversion.h"

namespace reslens {
namespace {

const char* dataName(TrainingRequest::Data data) {
    switch (data) {
        case TrainingRequest::Data::Cifar10:
            return "cifar10";
        case TrainingRequest::Data::Folder:
            return "folder";
        case TrainingRequest::Data::FashionMnist:
            break;
    }
    return "fashion-mnist";
}

TrainingRequest::Data dataFromName(const std::string& name) {
    return name == "cifar10"  ? TrainingRequest::Data::Cifar10
           : name == "folder" ? TrainingRequest::Data::Folder
                              : TrainingRequest::Data::FashionMnist;
}

SavedRun toSavedRun(const LabRun& lab) {
    const TrainingRequest& q = lab.request;
    SavedRun run;
    run.source = lab.source.toStdString();
    run.recipe.architecture = q.config;
    run.recipe.data = dataName(q.data);
    run.recipe.directory = q.directory.toStdString();
    run.recipe.steps = lab.history.plan().totalSteps;
    run.recipe.batch = q.batch;
    run.recipe.learningRate = q.learningRate;
    run.recipe.seed = q.seed;
    run.recipe.batchNorm = q.batchNorm;
    run.recipe.compare = q.compare;
    run.recipe.subset = q.subset;
    run.recipe.device = q.device.toStdString();
    run.dataDescription = lab.history.plan().data.toStdString();
    for (const QString& block : lab.history.plan().blocks) {
        run.blocks.push_back(block.toStdString());
    }
    for (int r = 0; r < lab.history.runCount(); ++r) {
        SavedTrack track;
        track.arch = lab.history.plan().runs.value(r).toStdString();
        track.status = lab.history.status(r);
        track.message = lab.history.message(r).toStdString();
        for (const StepUpdate& u : lab.history.steps(r)) {
            track.steps.push_back(toStepReport(u, run.recipe.steps));
        }
        const QByteArray weights = lab.weights.value(r);
        track.weights.assign(weights.begin(), weights.end());
        run.runs.push_back(std::move(track));
    }
    return run;
}

LabRun fromSavedRun(const SavedRun& saved) {
    LabRun lab;
    lab.source = QString::fromStdString(saved.source);
    TrainingRequest& q = lab.request;
    q.config = saved.recipe.architecture;
    q.data = dataFromName(saved.recipe.data);
    q.directory = QString::fromStdString(saved.recipe.directory);
    q.steps = saved.recipe.steps;
    q.batch = saved.recipe.batch;
    q.learningRate = saved.recipe.learningRate;
    q.seed = saved.recipe.seed;
    q.batchNorm = saved.recipe.batchNorm;
    q.compare = saved.recipe.compare;
    q.subset = saved.recipe.subset;
    q.device = QString::fromStdString(saved.recipe.device);
    TrainingPlan plan;
    for (const SavedTrack& track : saved.runs) {
        plan.runs << QString::fromStdString(track.arch);
    }
    for (const std::string& block : saved.blocks) {
        plan.blocks << QString::fromStdString(block);
    }
    plan.totalSteps = saved.recipe.steps;
    plan.data = QString::fromStdString(saved.dataDescription);
    lab.history.reset(plan);
    for (int r = 0; r < int(saved.runs.size()); ++r) {
        const SavedTrack& track = saved.runs[r];
        for (const StepReport& step : track.steps) {
            lab.history.add(toStepUpdate(r, step));
        }
        if (track.status) {
            lab.history.setOutcome(r, *track.status, QString::fromStdString(track.message));
        }
        lab.weights << QByteArray(track.weights.data(), qsizetype(track.weights.size()));
    }
    return lab;
}

}  // namespace

QString writeLabRun(const QString& path, const LabRun& run) {
    try {
        writeSavedRun(QFileInfo(path).absoluteFilePath().toStdString(), toSavedRun(run));
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return QString();
}

QString readLabRun(const QString& path, LabRun* run) {
    try {
        *run = fromSavedRun(openSavedRun(path.toStdString()));
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return QString();
}

}  // namespace reslens
