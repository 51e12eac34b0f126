#include "app/cli/CompareCommand.h"

#include <sys/stat.h>

#include <torch/torch.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/ProgressLine.h"
#include "app/cli/SigintCancel.h"
#include "app/cli/TrainingLog.h"
#include "app/core/TrainingSetup.h"
#include "model/files/AtomicFileWriter.h"
#include "model/runtime/InputError.h"
#include "model/training/Trainer.h"

namespace reslens::cli {
namespace {

void makeDirectory(const std::string& path) {
    if (::mkdir(path.c_str(), 0777) != 0 && errno != EEXIST) {
        throw InputError("cannot create '" + path + "': " + std::strerror(errno));
    }
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
        throw InputError("'" + path + "' exists and is not a directory");
    }
}

}  // namespace

CompareCommand::CompareCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "compare", "train the network with and without skips, same start, same batches");
    flags_.addTo(*command_, /*stepsRequired=*/true);
    command_->add_option("--out", out_, "directory for summary.json, skip.csv, noskip.csv")
        ->required();
    command_->add_flag("--json", json_, "print the summary on stdout too");
}

int CompareCommand::run(const CommandContext& context) {
    TrainingRecipe recipe = flags_.recipe("reslens-cli compare", context.commandLine);
    recipe.withPlainTwin = true;
    const PreparedTraining prepared = prepareTraining(recipe, /*loadTestSplit=*/false);
    makeDirectory(out_);
    const ResNet& noskip = prepared.networks[1];
    const ResNetConfig& config = prepared.config;
    const TrainingOptions& options = prepared.options;
    const std::vector<std::string>& names = prepared.blockNames;

    std::vector<TrainingLog> logs(2, TrainingLog(names));
    std::vector<nlohmann::json> firstNorms(2);
    ProgressLine progress;
    RunControl control;
    std::vector<RunOutcome> outcomes;
    {
        SigintCancel sigint(control);
        outcomes =
            trainTogether(prepared.networks, prepared.data, options, &control,
                          [&](size_t run, const StepReport& r) {
                              logs[run].add(r);
                              if (r.step == 1) {
                                  for (size_t b = 0; b < names.size(); ++b) {
                                      firstNorms[run][names[b]] = r.blockGradientNorms[b];
                                  }
                              }
                              if (run == 0) {
                                  char details[64];
                                  std::snprintf(details, sizeof details, "skip loss %.4f", r.loss);
                                  progress.update(r.step, r.totalSteps, details);
                              }
                          });
    }
    progress.finish();

    const char* keys[] = {"skip", "noskip"};
    nlohmann::json runs;
    for (size_t i = 0; i < 2; ++i) {
        const std::string csv = std::string(keys[i]) + ".csv";
        logs[i].write(out_ + "/" + csv);
        runs[keys[i]] = {{"csv", csv},
                         {"arch", i == 0 ? config.arch : noskip->config().arch},
                         {"final_loss", outcomes[i].lastLoss},
                         {"grad_norms_step0",
                          firstNorms[i].is_null() ? nlohmann::json::object() : firstNorms[i]},
                         {"steps_done", outcomes[i].steps},
                         {"status", toString(outcomes[i].status)},
                         {"message", outcomes[i].message}};
    }
    const nlohmann::json summary = {{"arch", config.arch},
                                    {"steps", prepared.totalSteps},
                                    {"seed", flags_.seed()},
                                    {"data", prepared.data.name},
                                    {"batch", options.batch},
                                    {"learning_rate", options.learningRate},
                                    {"command", context.commandLine},
                                    {"runs", runs}};
    writeFileAtomically(out_ + "/summary.json", summary.dump(2) + "\n");
    if (json_) {
        std::cout << summary.dump(2) << std::endl;
    } else {
        for (size_t i = 0; i < 2; ++i) {
            std::printf("%-7s %-10s %s after %lld steps, final batch loss %.4f%s%s\n", keys[i],
                        runs[keys[i]]["arch"].get<std::string>().c_str(),
                        toString(outcomes[i].status).c_str(),
                        static_cast<long long>(outcomes[i].steps), outcomes[i].lastLoss,
                        outcomes[i].message.empty() ? "" : ": ", outcomes[i].message.c_str());
        }
        std::printf("wrote %s/summary.json, skip.csv, noskip.csv\n", out_.c_str());
    }
    return control.cancelled() ? 130 : 0;
}

}  // namespace reslens::cli
