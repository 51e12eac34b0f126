#include "app/cli/commands/GradientLineCommand.h"

#include <atomic>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/common/ProgressLine.h"
#include "app/cli/common/SigintCancel.h"
#include "app/core/instruments/GradientLineStudy.h"
#include "model/runtime/InputError.h"

namespace reslens::cli {
namespace {

nlohmann::json curveJson(const LineCurve& curve) {
    return {{"derivative", curve.derivative},
            {"autocorrelation", curve.autocorrelation},
            {"lag", curve.lag},
            {"target", curve.target},
            {"target_label", curve.targetLabel}};
}

void printCurve(const char* name, const LineCurve& curve, size_t points) {
    std::printf("  %-34s lag %4d of %zu points   largest |df/dt| %.4g   (logit: %s)\n", name,
                curve.lag, points, curve.largest(), curve.targetLabel.c_str());
}

}  // namespace

GradientLineCommand::GradientLineCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "gradient-line",
        "the derivative of the top-1 logit along a line through input space, for the model "
        "and a fresh network of its architecture (Balduzzi et al. 2017)");
    source_.addModelOption(*command_);
    source_.addDeviceOption(*command_);
    auto* image = command_->add_option("--image", image_, "x0: an image file");
    command_->add_option("--data", data_,
                         "fashion-mnist[:DIR][:train|test], cifar10:DIR[:train|test] or "
                         "folder:DIR: x0 is its image --index (test split unless named); the "
                         "fresh network's batch-norm statistics come from its training split");
    command_->add_option("--index", options_.index, "x0: this image of --data")
        ->capture_default_str()
        ->excludes(image);
    command_
        ->add_option("--direction", direction_,
                     "random (Gaussian, scaled to |x0|), or towards:FILE (d = x1 - x0)")
        ->capture_default_str();
    command_->add_option("--points", options_.points, "points on t in [-1, 1]")
        ->capture_default_str();
    command_
        ->add_option("--seed", options_.seed,
                     "seed of the random direction, the fresh network and its statistics' "
                     "images")
        ->capture_default_str();
    command_
        ->add_option("--statistics-images", options_.statisticsImages,
                     "training images the fresh network's batch-norm statistics come from")
        ->capture_default_str();
    command_->add_flag("--sweep", sweep_,
                       "instead: fresh resnet20/56/110 and plain20/56/110 on the same line");
    command_->add_flag("--json", json_, "print one JSON document");
}

int GradientLineCommand::run(const CommandContext& context) {
    GradientLineOptions options = options_;
    options.image = image_;
    if (!data_.empty()) {
        options.data = DataSpec::parse(data_);
    }
    if (direction_.rfind("towards:", 0) == 0) {
        options.towardsImage = direction_.substr(8);
        if (options.towardsImage.empty()) {
            throw InputError("--direction towards:FILE needs a file");
        }
    } else if (direction_ != "random") {
        throw InputError("--direction must be random or towards:FILE, not '" + direction_ + "'");
    }
    checkGradientLineOptions(options);
    ProgressLine progress;
    std::atomic<bool> stop{false};
    SigintCancel sigint([&stop] { stop = true; });
    const InstrumentProgress report = [&](int done, int total, const std::string& what) {
        progress.update(done, total, what);
        return !stop.load();
    };
    nlohmann::json doc;
    if (sweep_) {
        const DepthSweepResult sweep = runDepthSweep(context.resources, source_.request(), options,
                                                     source_.deviceName(), report);
        progress.finish();
        doc = {{"points", sweep.t.size()},
               {"t", sweep.t},
               {"input", sweep.input},
               {"statistics", sweep.statistics},
               {"cancelled", sweep.cancelled}};
        nlohmann::json entries = nlohmann::json::array();
        for (const DepthSweepEntry& entry : sweep.entries) {
            nlohmann::json e = curveJson(entry.curve);
            e["arch"] = entry.arch;
            e["depth"] = entry.depth;
            e["skip"] = entry.skip;
            entries.push_back(e);
        }
        doc["sweep"] = entries;
        if (!json_) {
            std::printf("fresh networks on %s (statistics: %s), %zu points:\n", sweep.input.c_str(),
                        sweep.statistics.c_str(), sweep.t.size());
            for (const DepthSweepEntry& entry : sweep.entries) {
                printCurve(entry.arch.c_str(), entry.curve, sweep.t.size());
            }
        }
    } else {
        const GradientLineResult r = runGradientLine(context.resources, source_.request(), options,
                                                     source_.deviceName(), report);
        progress.finish();
        doc = {{"points", r.t.size()},
               {"t", r.t},
               {"arch", r.arch},
               {"input", r.input},
               {"direction", r.direction},
               {"statistics", r.statistics},
               {"model", curveJson(r.model)},
               {"fresh", curveJson(r.fresh)},
               {"cancelled", r.cancelled}};
        if (!json_) {
            std::printf("%s on %s, direction %s, %zu points on t in [-1, 1]\n", r.title.c_str(),
                        r.input.c_str(), r.direction.c_str(), r.t.size());
            std::printf(
                "lag: the first lag at which the derivative's autocorrelation falls "
                "below 0.5\n");
            printCurve("trained", r.model, r.t.size());
            const std::string fresh = "fresh (seed " + std::to_string(options.seed) + ")";
            printCurve(fresh.c_str(), r.fresh, r.t.size());
            std::printf("fresh batch-norm statistics: %s\n", r.statistics.c_str());
        }
    }
    if (json_) {
        doc["model_name"] = source_.modelName();
        doc["device"] = source_.deviceName();
        doc["seed"] = options.seed;
        std::cout << doc.dump(2) << std::endl;
    }
    if (doc.value("cancelled", false)) {
        std::fprintf(stderr, "cancelled: what ran is shown\n");
    }
    // Ctrl-C: what ran was printed; 130 as train, compare and landscape end.
    return stop.load() ? 130 : 0;
}

}  // namespace reslens::cli
