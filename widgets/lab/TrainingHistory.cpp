#include "widgets/lab/TrainingHistory.h"

#include <QSaveFile>
#include <QTextStream>

namespace reslens {

void TrainingHistory::reset(const TrainingPlan& plan) {
    plan_ = plan;
    runs_ = QVector<Run>(plan.runs.size());
}

void TrainingHistory::add(const StepUpdate& update) {
    if (update.run >= 0 && update.run < runs_.size()) {
        runs_[update.run].steps.push_back(update);
    }
}

void TrainingHistory::setOutcome(int run, RunStatus status, const QString& message) {
    if (run >= 0 && run < runs_.size()) {
        runs_[run].status = status;
        runs_[run].message = message;
    }
}

bool TrainingHistory::empty() const {
    for (const Run& run : runs_) {
        if (!run.steps.isEmpty()) {
            return false;
        }
    }
    return true;
}

QString TrainingHistory::writeCsv(const QString& path) const {
    if (empty()) {
        return QObject::tr("there is no training data yet");
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QObject::tr("cannot write %1: %2").arg(path, file.errorString());
    }
    QTextStream out(&file);
    out << "run,arch,step,loss,accuracy,learning_rate";
    for (const QString& block : plan_.blocks) {
        out << ',' << block;
    }
    for (const QString& block : plan_.blocks) {
        out << ',' << block << "_output";
    }
    out << '\n';
    for (int r = 0; r < runs_.size(); ++r) {
        for (const StepUpdate& s : runs_[r].steps) {
            out << r << ',' << plan_.runs.value(r) << ',' << s.step << ','
                << QString::number(s.loss, 'g', 9) << ',' << QString::number(s.accuracy, 'g', 9)
                << ',' << QString::number(s.learningRate, 'g', 9);
            for (double v : s.blockNorms) {
                out << ',' << QString::number(v, 'g', 9);
            }
            for (double v : s.outputNorms) {
                out << ',' << QString::number(v, 'g', 9);
            }
            out << '\n';
        }
    }
    out.flush();
    if (out.status() != QTextStream::Ok || !file.commit()) {
        return QObject::tr("cannot write %1: %2").arg(path, file.errorString());
    }
    return QString();
}

}  // namespace reslens
