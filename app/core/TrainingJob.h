#pragma once

// A training run for a face that must not see LibTorch (the app's lab): prepares the recipe
// (TrainingSetup), trains the network and, when asked, its plain twin on the same batches,
// and keeps the trained networks to be saved or opened in the explorer afterwards. run()
// blocks on the calling thread; pause(), resume() and stop() are safe from any thread.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/core/TrainingRecipe.h"
#include "model/training/RunStatus.h"
#include "model/training/StepReport.h"

namespace reslens {

struct TrainingStart {
    std::vector<std::string> runs;    // e.g. "resnet56", "plain56"
    std::vector<std::string> blocks;  // block names, in depth order
    int64_t totalSteps = 0;
    std::string dataName;  // e.g. "fashion-mnist:train"
    int64_t samples = 0;
};

struct RunEnd {
    int run = 0;
    RunStatus status = RunStatus::Finished;
    std::string message;  // why it diverged
    int64_t steps = 0;
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

    void pause();
    void resume();
    void stop();  // stops this run; a later run() starts afresh
    bool paused() const;

    // The trained network of a run as a ResLens model file, serialised from the CPU so it
    // opens anywhere. Throws InputError while a run is in progress or when there is none.
    std::vector<char> modelFile(int run) const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace reslens
