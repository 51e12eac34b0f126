#include "app/cli/TrainCommand.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/ProgressLine.h"
#include "app/cli/SigintCancel.h"
#include "app/cli/TrainingLog.h"
#include "app/core/Provenance.h"
#include "app/core/TrainingSetup.h"
#include "model/files/ModelFile.h"
#include "model/training/Evaluation.h"
#include "model/training/Trainer.h"

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
    const auto started = std::chrono::steady_clock::now();
    PreparedTraining prepared = prepareTraining(
        flags_.recipe("reslens-cli train", context.commandLine), /*loadTestSplit=*/true);
    ResNet network = prepared.networks.front();
    ModelMetadata& metadata = prepared.metadata.front();
    const ResNetConfig& config = prepared.config;
    const Preprocessing& preprocessing = prepared.preprocessing;

    TrainingLog log(prepared.blockNames);
    ProgressLine progress;
    RunControl control;
    RunOutcome outcome;
    {
        SigintCancel sigint(control);
        outcome = trainTogether(
            {network}, prepared.data, prepared.options, &control, [&](size_t, const StepReport& r) {
                log.add(r);
                char details[96];
                std::snprintf(details, sizeof details, "loss %.4f  acc %5.1f%%  lr %.3g", r.loss,
                              100 * r.accuracy, r.learningRate);
                progress.update(r.step, r.totalSteps, details);
                if (checkpointEvery_ > 0 && r.step % checkpointEvery_ == 0 &&
                    r.step < r.totalSteps) {
                    saveModel(out_, *network, metadata);
                }
            })[0];
    }
    progress.finish();
    if (!log_.empty()) {
        log.write(log_);  // also for a diverged run: the log shows how it got there
    }
    if (outcome.status == RunStatus::Diverged) {
        throw std::runtime_error(outcome.message + "; no model written");
    }
    const double trainSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    recordOutcome(metadata.provenance, outcome.status, outcome.steps, trainSeconds);
    std::optional<EvaluationResult> evaluation;
    if (prepared.test) {
        evaluation = evaluate(*network, *prepared.test, preprocessing.mean, preprocessing.std);
        recordTestResult(metadata.provenance, prepared.test->name, evaluation->accuracy,
                         evaluation->loss);
    }
    saveModel(out_, *network, metadata);

    if (json_) {
        nlohmann::json doc = {{"arch", config.arch},
                              {"out", out_},
                              {"status", toString(outcome.status)},
                              {"steps", outcome.steps},
                              {"final_loss", outcome.lastLoss},
                              {"train_seconds", trainSeconds}};
        if (evaluation) {
            doc["test_accuracy"] = evaluation->accuracy;
            doc["test_loss"] = evaluation->loss;
        }
        std::cout << doc.dump(2) << std::endl;
    } else {
        std::printf("%s %s after %lld steps (%.0f s): final batch loss %.4f", config.arch.c_str(),
                    toString(outcome.status).c_str(), static_cast<long long>(outcome.steps),
                    trainSeconds, outcome.lastLoss);
        if (evaluation) {
            std::printf(", test accuracy %.2f%% (loss %.4f)", 100 * evaluation->accuracy,
                        evaluation->loss);
        }
        std::printf("\nwrote %s\n", out_.c_str());
    }
    return outcome.status == RunStatus::Cancelled ? 130 : 0;
}

}  // namespace reslens::cli
