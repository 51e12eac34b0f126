#include "app/core/training/TrainingJob.h"

#include <torch/torch.h>

#include <chrono>
#include <mutex>
#include <thread>

#include "app/core/models/Provenance.h"
#include "app/core/runtime/ComputeThreads.h"
#include "app/core/training/TrainingSetup.h"
#include "model/files/AtomicFileWriter.h"
#include "model/files/ModelFile.h"
#include "model/runtime/InputError.h"
#include "model/training/Evaluation.h"
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
    std::thread::id trainingThread;  // while running: the thread whose callbacks may save
    bool evaluate = false;
    std::vector<ResNet> networks;
    std::vector<ModelMetadata> metadata;
    std::vector<std::optional<TestResult>> tests;

    // The run's network as a model file, from the CPU so that it opens anywhere. Under
    // `mutex`; while running only on the training thread, between steps.
    std::vector<char> serialize(int run) const {
        if (running && std::this_thread::get_id() != trainingThread) {
            throw InputError("the run is still in progress");
        }
        if (run < 0 || run >= int(networks.size())) {
            throw InputError("there is no trained network yet");
        }
        ComputeThreads::Scope scope;
        ResNet network = networks[size_t(run)];  // a handle: the same module
        const torch::Device device = network->parameters().empty()
                                         ? torch::Device(torch::kCPU)
                                         : network->parameters().front().device();
        network->to(torch::kCPU);
        std::vector<char> bytes = serializeModel(*network, metadata[size_t(run)]);
        network->to(device);  // a checkpoint mid-run: training goes on where it was
        return bytes;
    }
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
    return state_->serialize(run);
}

void TrainingJob::saveModel(int run, const std::string& path) const {
    std::vector<char> bytes;
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        bytes = state_->serialize(run);
    }
    writeFileAtomically(path, std::string(bytes.begin(), bytes.end()));
}

void TrainingJob::evaluateOnTestSplit(bool evaluate) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->evaluate = evaluate;
}

std::optional<TestResult> TrainingJob::testResult(int run) const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (run < 0 || run >= int(state_->tests.size())) {
        return std::nullopt;
    }
    return state_->tests[size_t(run)];
}

std::vector<RunEnd> TrainingJob::run(const TrainingRecipe& recipe, const StartCallback& started,
                                     const StepCallback& stepped) {
    const auto begun = std::chrono::steady_clock::now();
    // A fresh control: a stop() aimed at the previous run must not cancel this one.
    const auto control = std::make_shared<RunControl>();
    {
        std::lock_guard<std::mutex> lock(state_->controlMutex);
        state_->control = control;
    }
    bool evaluate = false;
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        evaluate = state_->evaluate;
    }
    ComputeThreads::Scope scope;
    PreparedTraining prepared = prepareTraining(recipe, /*loadTestSplit=*/evaluate);

    TrainingStart start;
    for (const ResNet& network : prepared.networks) {
        start.runs.push_back(network->config().arch);
    }
    start.blocks = prepared.blockNames;
    start.totalSteps = prepared.totalSteps;
    start.dataName = prepared.data.name;
    start.samples = prepared.data.size();
    start.batch = prepared.options.batch;
    start.learningRate = prepared.options.learningRate;
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->running = true;
        state_->trainingThread = std::this_thread::get_id();
        state_->networks = prepared.networks;
        state_->metadata = prepared.metadata;
        state_->tests.assign(prepared.networks.size(), std::nullopt);
    }
    const auto stopRunning = [this] {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->running = false;
    };

    std::vector<RunOutcome> outcomes;
    try {
        if (started) {
            started(start);
        }
        outcomes = trainTogether(prepared.networks, prepared.data, prepared.options, control.get(),
                                 [&](size_t run, const StepReport& report) {
                                     if (stepped) {
                                         stepped(int(run), report);
                                     }
                                 });
    } catch (...) {
        stopRunning();
        throw;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begun).count();
    std::vector<std::optional<TestResult>> tests(outcomes.size());
    if (prepared.test) {
        for (size_t i = 0; i < outcomes.size(); ++i) {
            if (outcomes[i].status != RunStatus::Diverged) {
                const EvaluationResult result =
                    reslens::evaluate(*prepared.networks[i], *prepared.test,
                                      prepared.preprocessing.mean, prepared.preprocessing.std);
                tests[i] = TestResult{prepared.test->name, result.accuracy, result.loss};
            }
        }
    }
    std::vector<RunEnd> ends;
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->running = false;
    state_->tests = tests;
    for (size_t i = 0; i < outcomes.size(); ++i) {
        recordOutcome(state_->metadata[i].provenance, outcomes[i].status, outcomes[i].steps,
                      seconds);
        if (tests[i]) {
            recordTestResult(state_->metadata[i].provenance, tests[i]->data, tests[i]->accuracy,
                             tests[i]->loss);
        }
        ends.push_back({int(i), outcomes[i].status, outcomes[i].message, outcomes[i].steps,
                        outcomes[i].lastLoss, seconds});
    }
    return ends;
}

}  // namespace reslens
