#pragma once

// The per-step CSV of docs/cli.md (train --log, a compare folder's skip.csv and noskip.csv;
// CompareFolder.h reads it back): step,loss,accuracy,<one gradient-norm column per block>, then
// learning_rate and epoch. Kept in memory and written atomically, so an interrupted run
// never leaves half a file.

#include <string>
#include <vector>

#include "model/training/TrainingSession.h"

namespace reslens {

class TrainingLog {
public:
    explicit TrainingLog(const std::vector<std::string>& blockNames);
    void add(const StepReport& report);
    void write(const std::string& path) const;  // atomic; throws std::runtime_error
    size_t rows() const { return rows_; }

private:
    std::string text_;
    size_t rows_ = 0;
};

}  // namespace reslens
