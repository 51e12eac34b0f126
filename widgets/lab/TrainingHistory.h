#pragma once

// Everything a training-lab run reported, step by step and run by run: the data behind the
// charts (no widget depends on it being drawn, so it is tested on its own) and the CSV.

#include <QString>
#include <QVector>

#include <optional>

#include "model/training/RunStatus.h"
#include "widgets/lab/TrainingTypes.h"

namespace reslens {

class TrainingHistory {
public:
    void reset(const TrainingPlan& plan);
    void add(const StepUpdate& update);
    void setOutcome(int run, RunStatus status, const QString& message);

    const TrainingPlan& plan() const { return plan_; }
    int runCount() const { return int(runs_.size()); }
    const QVector<StepUpdate>& steps(int run) const { return runs_[run].steps; }
    // None while the run is going.
    std::optional<RunStatus> status(int run) const { return runs_[run].status; }
    QString message(int run) const { return runs_[run].message; }
    bool empty() const;

    // One row per run and step: run, arch, step, loss, accuracy, learning_rate, then each
    // block's parameter-gradient norm, then each block's output-gradient norm. Written
    // atomically; returns the reason on failure, else an empty string.
    QString writeCsv(const QString& path) const;

private:
    struct Run {
        QVector<StepUpdate> steps;
        std::optional<RunStatus> status;
        QString message;
    };
    TrainingPlan plan_;
    QVector<Run> runs_;
};

}  // namespace reslens
