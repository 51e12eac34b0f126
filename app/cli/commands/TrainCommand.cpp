#include "app/cli/commands/TrainCommand.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/cli/common/ProgressLine.h"
#include "app/cli/common/SigintCancel.h"
#include "app/core/training/TrainingJob.h"
#include "app/core/training/TrainingLog.h"

namespace reslens::cli {

TrainCommand::TrainCommand(CLI::App& parent) {
    command_ = parent.add_subcommand("train", "train a network and save it as a model file");
    flags_.addTo(*command_, /*stepsRequired=*/false);
    command_->add_option("--out", out_, "the model file to write")->required();
    command_->add_option("--log", log_, "per-step CSV: step, loss, accuracy, block gradient norms");
    command_
        ->add_option("--checkpoint-every", checkpointEvery_,
                     "also save --out every N steps (atomically)")
        ->check(CLI::Range(int64_t(0), int64_t(100'000'000)));
    command_->add_flag("--json", json_, "print one JSON document at the end");
}

int TrainCommand::run(const CommandContext& context) {
    // The same job as the app's lab: this command adds the log, checkpoints and the output.
    TrainingJob job;
    job.evaluateOnTestSplit(true);
    std::optional<TrainingLog> log;
    std::string arch;
    ProgressLine progress;
    std::vector<RunEnd> ends;
    {
        SigintCancel sigint([&job] { job.stop(); });
        ends = job.run(
            flags_.recipe("reslens-cli train", context.commandLine),
            [&](const TrainingStart& start) {
                log.emplace(start.blocks);
                arch = start.runs.front();
            },
            [&](int, const StepReport& r) {
                log->add(r);
                char details[96];
                std::snprintf(details, sizeof details, "loss %.4f  acc %5.1f%%  lr %.3g", r.loss,
                              100 * r.accuracy, r.learningRate);
                progress.update(r.step, r.totalSteps, details);
                if (checkpointEvery_ > 0 && r.step % checkpointEvery_ == 0 &&
                    r.step < r.totalSteps) {
                    job.saveModel(0, out_);
                }
            });
    }
    progress.finish();
    const RunEnd& end = ends.front();
    if (!log_.empty()) {
        log->write(log_);  // also for a diverged run: the log shows how it got there
    }
    if (end.status == RunStatus::Diverged) {
        throw std::runtime_error(end.message + "; no model written");
    }
    job.saveModel(0, out_);
    const std::optional<TestResult> test = job.testResult(0);

    if (json_) {
        nlohmann::json doc = {{"arch", arch},
                              {"out", out_},
                              {"status", toString(end.status)},
                              {"steps", end.steps},
                              {"final_loss", end.lastLoss},
                              {"train_seconds", end.seconds}};
        if (test) {
            doc["test_accuracy"] = test->accuracy;
            doc["test_loss"] = test->loss;
        }
        std::cout << doc.dump(2) << std::endl;
    } else {
        std::printf("%s %s after %lld steps (%.0f s): final batch loss %.4f", arch.c_str(),
                    toString(end.status).c_str(), static_cast<long long>(end.steps), end.seconds,
                    end.lastLoss);
        if (test) {
            std::printf(", test accuracy %.2f%% (loss %.4f)", 100 * test->accuracy, test->loss);
        }
        std::printf("\nwrote %s\n", out_.c_str());
    }
    return end.status == RunStatus::Cancelled ? 130 : 0;
}

}  // namespace reslens::cli
