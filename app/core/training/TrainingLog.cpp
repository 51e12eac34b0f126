#include "app/core/training/TrainingLog.h"

#include <cstdio>

#include "model/files/AtomicFileWriter.h"

namespace reslens {

TrainingLog::TrainingLog(const std::vector<std::string>& blockNames) {
    text_ = "step,loss,accuracy";
    for (const std::string& name : blockNames) {
        text_ += "," + name;
    }
    text_ += ",learning_rate,epoch\n";
}

void TrainingLog::add(const StepReport& r) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%lld,%.9g,%.6g", static_cast<long long>(r.step), r.loss,
                  r.accuracy);
    text_ += buffer;
    for (double norm : r.blockGradientNorms) {
        std::snprintf(buffer, sizeof buffer, ",%.9g", norm);
        text_ += buffer;
    }
    std::snprintf(buffer, sizeof buffer, ",%.9g,%.6g\n", r.learningRate, r.epoch);
    text_ += buffer;
    ++rows_;
}

void TrainingLog::write(const std::string& path) const {
    writeFileAtomically(path, text_);
}

}  // namespace reslens
