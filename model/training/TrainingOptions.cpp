#include "model/training/TrainingOptions.h"

#include <cmath>

#include "model/runtime/InputError.h"

namespace reslens {

void TrainingOptions::validate() const {
    auto require = [](bool ok, const std::string& message) {
        if (!ok) {
            throw InputError(message);
        }
    };
    require(steps >= 0 && steps <= 100'000'000, "steps must be between 0 and 100000000");
    require(steps > 0 || (epochs > 0 && epochs <= 10000), "epochs must be between 0 and 10000");
    require(batch >= 1 && batch <= 65536, "batch must be between 1 and 65536");
    require(std::isfinite(learningRate) && learningRate > 0,
            "the learning rate must be a positive number");
    require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1)");
    require(weightDecay >= 0 && std::isfinite(weightDecay), "weight decay must be >= 0");
    require(warmupSteps >= 0, "warm-up steps must be >= 0");
    require(cropPadding >= 0 && cropPadding <= 64, "crop padding must be between 0 and 64");
    require(!mean.empty() && mean.size() == std.size(), "normalisation needs mean and std");
    for (double s : std) {
        require(s > 0, "normalisation std must be positive");
    }
}

int64_t TrainingOptions::totalSteps(int64_t samples) const {
    if (steps > 0) {
        return steps;
    }
    const double perEpoch = std::ceil(static_cast<double>(samples) / batch);
    return std::max<int64_t>(1, static_cast<int64_t>(std::llround(perEpoch * epochs)));
}

double TrainingOptions::learningRateAt(int64_t step, int64_t total) const {
    if (step < warmupSteps) {
        const double t = static_cast<double>(step + 1) / static_cast<double>(warmupSteps);
        return learningRate * (0.1 + 0.9 * t);
    }
    switch (schedule) {
        case LearningRateSchedule::Constant:
            return learningRate;
        case LearningRateSchedule::Step: {
            // He et al.: divide by 10 at 32k and 48k of 64k iterations.
            const double progress = static_cast<double>(step) / static_cast<double>(total);
            return learningRate * (progress >= 0.75 ? 0.01 : progress >= 0.5 ? 0.1 : 1.0);
        }
        case LearningRateSchedule::Cosine: {
            const double span = static_cast<double>(std::max<int64_t>(1, total - warmupSteps));
            const double t = static_cast<double>(step - warmupSteps) / span;
            return learningRate * 0.5 * (1.0 + std::cos(M_PI * std::min(t, 1.0)));
        }
    }
    return learningRate;
}

LearningRateSchedule parseSchedule(const std::string& name) {
    if (name == "constant") {
        return LearningRateSchedule::Constant;
    }
    if (name == "step") {
        return LearningRateSchedule::Step;
    }
    if (name == "cosine") {
        return LearningRateSchedule::Cosine;
    }
    throw InputError("unknown schedule '" + name + "' (constant, step or cosine)");
}

std::string toString(LearningRateSchedule schedule) {
    switch (schedule) {
        case LearningRateSchedule::Constant:
            return "constant";
        case LearningRateSchedule::Step:
            return "step";
        case LearningRateSchedule::Cosine:
            return "cosine";
    }
    return {};
}

}  // namespace reslens
