#pragma once

// One network being trained: its optimiser, its learning-rate schedule, its gradient-norm
// probe. step() takes a batch (on any device, in float; moved to the network's device and
// dtype) and returns what happened, or throws DivergedError when the loss or a gradient is
// not finite.

#include <torch/optim/sgd.h>

#include <memory>
#include <stdexcept>
#include <vector>

#include "model/network/ResNet.h"
#include "model/tracing/GradientNormProbe.h"
#include "model/training/BatchSampler.h"
#include "model/training/StepReport.h"
#include "model/training/TrainingOptions.h"

namespace reslens {

class DivergedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class TrainingSession {
public:
    TrainingSession(ResNet network, const TrainingOptions& options, int64_t totalSteps);
    TrainingSession(const TrainingSession&) = delete;
    TrainingSession& operator=(const TrainingSession&) = delete;

    // Trains one step on `batch`. Throws DivergedError (network left as before the update).
    StepReport step(const Batch& batch);

    ResNet network() const { return network_; }
    int64_t stepsDone() const { return stepsDone_; }

private:
    ResNet network_;
    TrainingOptions options_;
    int64_t totalSteps_;
    int64_t stepsDone_ = 0;
    torch::Device device_;
    torch::ScalarType dtype_;  // float, or double for reference runs (check-device)
    std::unique_ptr<torch::optim::SGD> optimizer_;
    std::unique_ptr<GradientNormProbe> probe_;
};

}  // namespace reslens
