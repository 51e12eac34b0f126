#include "app/cli/commands/CompareCommand.h"

#include <cstdio>
#include <iostream>
#include <optional>

#include "app/cli/common/ProgressLine.h"
#include "app/cli/common/SigintCancel.h"
#include "app/core/training/CompareFolder.h"
#include "app/core/training/TrainingJob.h"

namespace reslens::cli {

CompareCommand::CompareCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "compare", "train the network with and without skips, same start, same batches");
    flags_.addTo(*command_, /*stepsRequired=*/true);
    command_->add_option("--out", out_, "directory for summary.json, skip.csv, noskip.csv")
        ->required();
    command_->add_flag("--json", json_, "print the summary on stdout too");
}

int CompareCommand::run(const CommandContext& context) {
    // The same job as the app's lab with compare on; the folder is app/core's format.
    TrainingRecipe recipe = flags_.recipe("reslens-cli compare", context.commandLine);
    recipe.withPlainTwin = true;
    TrainingJob job;
    CompareRecord record;
    record.seed = flags_.seed();
    record.command = context.commandLine;
    ProgressLine progress;
    std::vector<RunEnd> ends;
    {
        SigintCancel sigint([&job] { job.stop(); });
        ends = job.run(
            recipe,
            [&](const TrainingStart& start) {
                prepareCompareFolder(out_);  // before any step: a bad folder costs no training
                record.start = start;
                for (const std::string& arch : start.runs) {
                    record.tracks.push_back({arch, TrainingLog(start.blocks), {}, {}});
                }
            },
            [&](int run, const StepReport& r) {
                CompareTrackRecord& track = record.tracks[size_t(run)];
                track.log.add(r);
                if (r.step == 1) {
                    for (size_t b = 0; b < record.start.blocks.size(); ++b) {
                        track.firstNorms[record.start.blocks[b]] = r.blockGradientNorms[b];
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
    bool cancelled = false;
    for (size_t i = 0; i < ends.size(); ++i) {
        record.tracks[i].end = ends[i];
        cancelled = cancelled || ends[i].status == RunStatus::Cancelled;
    }
    const std::string summary = writeCompareFolder(out_, record);
    if (json_) {
        std::cout << summary << std::endl;
    } else {
        const char* keys[] = {"skip", "noskip"};
        for (size_t i = 0; i < ends.size() && i < 2; ++i) {
            std::printf("%-7s %-10s %s after %lld steps, final batch loss %.4f%s%s\n", keys[i],
                        record.tracks[i].arch.c_str(), toString(ends[i].status).c_str(),
                        static_cast<long long>(ends[i].steps), ends[i].lastLoss,
                        ends[i].message.empty() ? "" : ": ", ends[i].message.c_str());
        }
        std::printf("wrote %s/summary.json, skip.csv, noskip.csv\n", out_.c_str());
    }
    return cancelled ? 130 : 0;
}

}  // namespace reslens::cli
