#include "app/cli/commands/LesionCommand.h"

#include <torch/torch.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/cli/common/ProgressLine.h"
#include "app/core/studies/LesionStudy.h"
#include "app/core/studies/ModelEvaluation.h"

namespace reslens::cli {
namespace {

std::vector<std::string> blockList(const std::string& text) {
    std::vector<std::string> names;
    if (text == "all") {
        return names;  // every block
    }
    std::stringstream stream(text);
    std::string name;
    while (std::getline(stream, name, ',')) {
        if (!name.empty()) {
            names.push_back(name);
        }
    }
    return names;
}

nlohmann::json studyJson(const LesionStudyResult& r) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const BlockLesion& b : r.blocks) {
        blocks.push_back({{"name", b.name},
                          {"stage", b.stage},
                          {"downsampling", b.downsampling},
                          {"accuracy", b.accuracy},
                          {"loss", b.loss}});
    }
    nlohmann::json random = nlohmann::json::array();
    for (const RandomLesion& k : r.random) {
        random.push_back({{"k", k.k},
                          {"mean_accuracy", k.meanAccuracy},
                          {"std_accuracy", k.stdAccuracy},
                          {"trials", k.trials}});
    }
    return {{"samples", r.samples},
            {"baseline_accuracy", r.baselineAccuracy},
            {"baseline_loss", r.baselineLoss},
            {"blocks", blocks},
            {"random", random},
            {"evaluations", r.evaluations},
            {"evaluation_seconds", r.evaluationSeconds}};
}

void printStudy(const std::string& arch, const std::string& data, const LesionStudyResult& r) {
    std::printf("%s on %s (%lld images): %.2f%% right with every block, loss %.4f\n\n",
                arch.c_str(), data.c_str(), static_cast<long long>(r.samples),
                100 * r.baselineAccuracy, r.baselineLoss);
    std::printf("  %-12s %-8s %8s %9s %8s\n", "bypassed", "stage", "accuracy", "change", "loss");
    for (const BlockLesion& b : r.blocks) {
        std::printf("  %-12s %-8s %7.2f%% %+8.2f %8.4f%s\n", b.name.c_str(), b.stage.c_str(),
                    100 * b.accuracy, 100 * (b.accuracy - r.baselineAccuracy), b.loss,
                    b.downsampling ? "  (downsampling)" : "");
    }
    if (!r.random.empty()) {
        std::printf("\n  %-3s %14s %8s %7s\n", "k", "mean accuracy", "std", "trials");
        for (const RandomLesion& k : r.random) {
            std::printf("  %-3d %13.2f%% %7.2f%% %7d\n", k.k, 100 * k.meanAccuracy,
                        100 * k.stdAccuracy, k.trials);
        }
    }
}

}  // namespace

LesionCommand::LesionCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "lesion",
        "bypass each residual block in turn (and k random ones) and measure accuracy "
        "(Veit et al. 2016)");
    source_.addModelOption(*command_);
    source_.addDeviceOption(*command_);
    command_
        ->add_option("--data", data_,
                     "fashion-mnist[:DIR][:train|test] (default split: test), "
                     "cifar10:DIR[:train|test] or folder:DIR")
        ->required();
    command_->add_option("--blocks", blocks_, "all, or block names separated by commas")
        ->capture_default_str();
    command_->add_option("--random", random_, "also bypass k = 1..K random blocks at once")
        ->check(CLI::NonNegativeNumber);
    command_->add_option("--trials", trials_, "random draws per k")->capture_default_str();
    command_->add_option("--seed", seed_, "seed of the random draws")->capture_default_str();
    command_->add_option("--samples", samples_, "the first N images of the split (0: all)")
        ->check(CLI::NonNegativeNumber);
    command_->add_flag("--json", json_, "print one JSON document");
}

int LesionCommand::run(const CommandContext& context) {
    LoadedModel model = source_.load(context.resources);
    LesionOptions options;
    options.blocks = blockList(blocks_);
    options.randomK = random_;
    options.trials = trials_;
    options.seed = seed_;
    options.samples = samples_;
    checkLesionOptions(*model.network, options);  // bad options fail before loading data
    DataSpec spec = DataSpec::parse(data_);
    const Dataset data = loadDataFor(model.metadata, spec);

    ProgressLine progress;
    const LesionStudyResult result =
        runLesionStudy(model, data, options, [&](int done, int total, const std::string& what) {
            progress.update(done, total, what);
            return true;
        });
    progress.finish();
    if (json_) {
        nlohmann::json doc = studyJson(result);
        doc["model"] = source_.modelName();
        doc["arch"] = model.metadata.config.arch;
        doc["data"] = data.name;
        doc["device"] = source_.deviceName();
        std::cout << doc.dump(2) << std::endl;
    } else {
        printStudy(model.metadata.config.arch, data.name, result);
    }
    return 0;
}

}  // namespace reslens::cli
