#pragma once

// The one training run of both faces (the app's lab, reslens-cli train and compare):
// prepares the recipe (TrainingSetup), trains the network and, when asked, its plain twin on
// the same batches, optionally evaluates each on the test split, and keeps the trained
// networks to be saved or opened in the explorer afterwards. run() blocks on the calling
// thread; pause(), resume() and stop() are safe from any thread.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/core/training/TrainingRecipe.h"
#include "model/training/RunStatus.h"
#include "model/training/StepReport.h"

namespace reslens {

struct TrainingStart {
    std::vector<std::string> runs;    // e.g. "resnet56", "plain56"
    std::vector<std::string> blocks;  // block names, in depth order
    int64_t totalSteps = 0;
    std::string dataName;  // e.g. "fashion-mnist:train"
    int64_t samples = 0;
    int batch = 0;
    double learningRate = 0;  // the peak rate of the schedule
};

struct RunEnd {
    int run = 0;
    RunStatus status = RunStatus::Finished;
    std::string message;  // why it diverged
    int64_t steps = 0;
    double lastLoss = 0;  // the last step's batch loss
    double seconds = 0;   // training time, preparation included
};

// A trained network on the test split (evaluateOnTestSplit).
struct TestResult {
    std::string data;  // e.g. "fashion-mnist:test"
    double accuracy = 0;
    double loss = 0;
};

class TrainingJob {
public:
    TrainingJob();
    ~TrainingJob();
    TrainingJob(const TrainingJob&) = delete;
    TrainingJob& operator=(const TrainingJob&) = delete;

    using StartCallback = std::function<void(const TrainingStart&)>;
    using StepCallback = std::function<void(int run, const StepReport&)>;

    // Trains to the end (or until stopped). Throws InputError, before any step, when the run
    // cannot start; the networks of an earlier run are then kept.
    std::vector<RunEnd> run(const TrainingRecipe& recipe, const StartCallback& started,
                            const StepCallback& stepped);

    // From the next run() on: the test split is loaded with the training data, and every
    // run that was not diverged is evaluated on it at the end, the result recorded in its
    // model's provenance. Without a test split there is simply no result.
    void evaluateOnTestSplit(bool evaluate);
    std::optional<TestResult> testResult(int run) const;

    void pause();
    void resume();
    void stop();  // stops this run; a later run() starts afresh
    bool paused() const;

    // The trained network of a run as a ResLens model file, serialised from the CPU so it
    // opens anywhere. Throws InputError while a run is in progress or when there is none.
    std::vector<char> modelFile(int run) const;
    // The same, written atomically to `path`. Also from the step callback (the training
    // thread, between two steps) as a checkpoint: the network as of that step.
    void saveModel(int run, const std::string& path) const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace reslens
