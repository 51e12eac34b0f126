#pragma once

// Training runs: one network, or several stepped in lockstep on the very same batches (the
// skip / no-skip pair of the compare view). Reports after every step through a callback,
// on the training thread; RunControl pauses, resumes and cancels from any thread. A run
// whose loss or gradients stop being finite ends with a message; in a paired run the other
// network trains on.

#include <functional>
#include <string>
#include <vector>

#include "model/data/Dataset.h"
#include "model/network/ResNet.h"
#include "model/training/RunControl.h"
#include "model/training/RunStatus.h"
#include "model/training/TrainingOptions.h"
#include "model/training/TrainingSession.h"

namespace reslens {

struct RunOutcome {
    RunStatus status = RunStatus::Finished;
    std::string message;  // why it diverged
    int64_t steps = 0;    // steps completed
    double lastLoss = 0;
};

// (run index, report) after each step of each run.
using StepCallback = std::function<void(size_t run, const StepReport& report)>;

// Trains every network on the same batches, in lockstep. `control` may be null.
std::vector<RunOutcome> trainTogether(const std::vector<ResNet>& networks, const Dataset& data,
                                      const TrainingOptions& options, RunControl* control,
                                      const StepCallback& callback);

// The no-skip twin of `network`: the same configuration without shortcuts, starting from
// the same weights (every tensor whose name and shape agree).
ResNet plainTwinOf(const ResNetImpl& network);

}  // namespace reslens
