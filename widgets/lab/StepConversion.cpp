#include "widgets/lab/StepConversion.h"

namespace reslens {

StepUpdate toStepUpdate(int run, const StepReport& r) {
    StepUpdate u;
    u.run = run;
    u.step = r.step;
    u.epoch = r.epoch;
    u.loss = r.loss;
    u.accuracy = r.accuracy;
    u.learningRate = r.learningRate;
    u.blockNorms = QVector<double>(r.blockGradientNorms.begin(), r.blockGradientNorms.end());
    u.outputNorms = QVector<double>(r.outputGradientNorms.begin(), r.outputGradientNorms.end());
    return u;
}

StepReport toStepReport(const StepUpdate& u, qint64 totalSteps) {
    StepReport r;
    r.step = u.step;
    r.totalSteps = totalSteps;
    r.epoch = u.epoch;
    r.loss = u.loss;
    r.accuracy = u.accuracy;
    r.learningRate = u.learningRate;
    r.blockGradientNorms.assign(u.blockNorms.begin(), u.blockNorms.end());
    r.outputGradientNorms.assign(u.outputNorms.begin(), u.outputNorms.end());
    return r;
}

}  // namespace reslens
