#include "app/core/TrainingJob.h"

#include <torch/torch.h>

#include <mutex>

#include "app/core/ComputeThreads.h"
#include "app/core/Provenance.h"
#include "app/core/TrainingSetup.h"
#include "model/files/ModelFile.h"
#include "model/runtime/InputError.h"
#include "model/training/RunControl.h"
#include "model/training/Trainer.h"

namespace reslens {

struct TrainingJob::State {
    // One control per run (a cancelled RunControl stays cancelled), swapped under its mutex.
    mutable std::mutex controlMutex;
    std::shared_ptr<RunControl> control = std::make_shared<RunControl>();
    std::shared_ptr<RunControl> currentControl() const {
        std::lock_guard<std::mutex> lock(controlMutex);
        return control;
    }

    mutable std::mutex mutex;  // guards everything below
    bool running = false;
    std::vector<ResNet> networks;
    std::vector<ModelMetadata> metadata;
};

TrainingJob::TrainingJob() : state_(std::make_unique<State>()) {}

TrainingJob::~TrainingJob() = default;

void TrainingJob::pause() {
    state_->currentControl()->pause();
}

void TrainingJob::resume() {
    state_->currentControl()->resume();
}

void TrainingJob::stop() {
    state_->currentControl()->cancel();
}

bool TrainingJob::paused() const {
    return state_->currentControl()->paused();
}

std::vector<char> TrainingJob::modelFile(int run) const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (state_->running) {
        throw InputError("the run is still in progress");
    }
    if (run < 0 || run >= int(state_->networks.size())) {
        throw InputError("there is no trained network yet");
    }
    ComputeThreads::Scope scope;
    ResNet network = state_->networks[size_t(run)];
    network->to(torch::kCPU);
    return serializeModel(*network, state_->metadata[size_t(run)]);
}

std::vector<RunEnd> TrainingJob::run(const TrainingRecipe& recipe, const StartCallback& started,
                                     const StepCallback& stepped) {
    // A fresh control: a stop() aimed at the previous run must not cancel this one.
    const auto control = std::make_shared<RunControl>();
    {
        std::lock_guard<std::mutex> lock(state_->controlMutex);
        state_->control = control;
    }
    ComputeThreads::Scope scope;
    PreparedTraining prepared = prepareTraining(recipe, /*loadTestSplit=*/false);

    TrainingStart start;
    for (const ResNet& network : prepared.networks) {
        start.runs.push_back(network->config().arch);
    }
    start.blocks = prepared.blockNames;
    start.totalSteps = prepared.totalSteps;
    start.dataName = prepared.data.name;
    start.samples = prepared.data.size();
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->running = true;
        state_->networks = prepared.networks;
        state_->metadata = prepared.metadata;
    }
    if (started) {
        started(start);
    }

    std::vector<RunOutcome> outcomes;
    try {
        outcomes = trainTogether(prepared.networks, prepared.data, prepared.options, control.get(),
                                 [&](size_t run, const StepReport& report) {
                                     if (stepped) {
                                         stepped(int(run), report);
                                     }
                                 });
    } catch (...) {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->running = false;
        throw;
    }
    std::vector<RunEnd> ends;
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->running = false;
    for (size_t i = 0; i < outcomes.size(); ++i) {
        recordOutcome(state_->metadata[i].provenance, outcomes[i].status, outcomes[i].steps);
        ends.push_back({int(i), outcomes[i].status, outcomes[i].message, outcomes[i].steps});
    }
    return ends;
}

}  // namespace reslens
