#include "app/cli/commands/LandscapeCommand.h"

#include <torch/torch.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/cli/common/ProgressLine.h"
#include "app/cli/common/SigintCancel.h"
#include "app/core/studies/LandscapeCsv.h"
#include "app/core/studies/LossLandscape.h"
#include "app/core/studies/ModelEvaluation.h"
#include "model/files/AtomicFileWriter.h"
#include "model/runtime/InputError.h"
#include "model/training/RunControl.h"

namespace reslens::cli {
namespace {

// Rows of `values` (row-major, `columns` wide) as JSON arrays: a P x P grid for 2-D.
nlohmann::json grid(const std::vector<double>& values, size_t columns) {
    nlohmann::json rows = nlohmann::json::array();
    for (size_t start = 0; start < values.size(); start += columns) {
        rows.push_back(
            std::vector<double>(values.begin() + static_cast<std::ptrdiff_t>(start),
                                values.begin() + static_cast<std::ptrdiff_t>(start + columns)));
    }
    return rows;
}

void writeText(const std::filesystem::path& path, const std::string& text) {
    writeFileAtomically(path.string(), text.data(), text.size());
}

}  // namespace

LandscapeCommand::LandscapeCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "landscape",
        "loss and accuracy along random filter-normalised directions (Li et al. 2018)");
    source_.addModelOption(*command_);
    source_.addDeviceOption(*command_);
    command_->add_option("--data", data_, "the split to measure on, e.g. fashion-mnist:train")
        ->capture_default_str();
    command_->add_option("--samples", options_.samples, "the first N images of the split")
        ->capture_default_str();
    command_->add_option("--points", options_.points, "points per axis (odd: 0 is one)")
        ->capture_default_str();
    command_->add_option("--range", options_.range, "coefficients in [-R, R]")
        ->capture_default_str();
    command_->add_option("--seed", options_.seed, "seed of the directions")->capture_default_str();
    command_->add_flag("--2d", options_.twoD, "a 2-D slice: points x points evaluations");
    command_->add_option("--out", out_, "a directory for the CSV file");
    command_->add_option("--directions", directions_,
                         "also write the slice's directions, as torch.load reads them");
    command_->add_flag("--json", json_, "print one JSON document");
}

int LandscapeCommand::run(const CommandContext& context) {
    checkLandscapeOptions(options_, std::numeric_limits<int64_t>::max());  // before any work
    LoadedModel model = source_.load(context.resources);
    DataSpec spec = DataSpec::parse(data_);
    if (!spec.splitGiven) {
        spec = spec.withSplit(Split::Train);  // the loss being minimised
    }
    const Dataset data = loadDataFor(model.metadata, spec);
    checkLandscapeOptions(options_, data.size());
    if (!out_.empty()) {
        std::error_code error;
        std::filesystem::create_directories(out_, error);
        if (error) {
            throw InputError("cannot create '" + out_ + "': " + error.message());
        }
    }

    if (!directions_.empty()) {
        writeFileAtomically(directions_, landscapeDirectionsFile(model, options_));
    }
    ProgressLine progress;
    RunControl control;
    LandscapeResult result;
    {
        SigintCancel sigint([&control] { control.cancel(); });
        result = runLandscape(model, data, options_, [&](int done, int total) {
            progress.update(done, total, "points");
            return !control.cancelled();
        });
    }
    progress.finish();
    if (!out_.empty()) {
        writeText(
            std::filesystem::path(out_) / (options_.twoD ? "landscape-2d.csv" : "landscape-1d.csv"),
            landscapeCsv({{source_.modelName(), model.metadata.config.arch, data.name, result}},
                         options_.seed));
    }
    const size_t columns = result.alphas.size();
    nlohmann::json doc = {{"model", source_.modelName()},
                          {"arch", model.metadata.config.arch},
                          {"data", data.name},
                          {"samples", result.samples},
                          {"seed", options_.seed},
                          {"range", options_.range},
                          {"alphas", result.alphas},
                          {"status", result.cancelled ? "cancelled" : "finished"},
                          {"evaluations", result.evaluations},
                          {"evaluation_seconds", result.evaluationSeconds}};
    if (options_.twoD) {
        doc["betas"] = result.betas;
        doc["loss"] = grid(result.loss, columns);
        doc["accuracy"] = grid(result.accuracy, columns);
    } else {
        doc["loss"] = result.loss;
        doc["accuracy"] = result.accuracy;
    }
    if (json_) {
        std::cout << doc.dump(2) << std::endl;
    } else if (!options_.twoD) {
        std::printf("%s on %s (first %lld images), seed %llu:\n  %8s %10s %9s\n",
                    model.metadata.config.arch.c_str(), data.name.c_str(),
                    static_cast<long long>(result.samples),
                    static_cast<unsigned long long>(options_.seed), "alpha", "loss", "accuracy");
        for (size_t i = 0; i < columns; ++i) {
            std::printf("  %8.3f %10.4f %8.2f%%\n", result.alphas[i], result.loss[i],
                        100 * result.accuracy[i]);
        }
    } else {
        std::printf("%s: %dx%d slice on %s, %d evaluations in %.1f s%s\n",
                    model.metadata.config.arch.c_str(), options_.points, options_.points,
                    data.name.c_str(), result.evaluations, result.evaluationSeconds,
                    out_.empty() ? " (--out DIR writes the grid as CSV)" : "");
    }
    return result.cancelled ? 130 : 0;
}

}  // namespace reslens::cli
