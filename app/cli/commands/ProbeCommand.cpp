#include "app/cli/commands/ProbeCommand.h"

#include <atomic>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/common/ProgressLine.h"
#include "app/cli/common/SigintCancel.h"
#include "app/core/instruments/ProbeStudy.h"

namespace reslens::cli {

ProbeCommand::ProbeCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "probe",
        "a linear classifier on each block's globally averaged output: how readable the class "
        "is at each depth (Alain & Bengio 2016)");
    source_.addModelOption(*command_);
    source_.addDeviceOption(*command_);
    command_
        ->add_option("--data", data_,
                     "fashion-mnist[:DIR] or cifar10:DIR: probes are fitted on its training "
                     "split and scored on its test split")
        ->required();
    command_->add_option("--test-data", testData_,
                         "score on this data instead of --data's test split (e.g. a folder of "
                         "test images beside a folder of training images)");
    command_->add_option("--samples", samples_, "the first N training images to fit on")
        ->capture_default_str();
    command_
        ->add_option("--test-samples", testSamples_,
                     "the first M test images to score on (0: the whole test split)")
        ->capture_default_str();
    command_->add_flag("--json", json_, "print one JSON document");
}

int ProbeCommand::run(const CommandContext& context) {
    ProgressLine progress;
    std::atomic<bool> stop{false};
    SigintCancel sigint([&stop] { stop = true; });
    std::optional<DataSpec> testData;
    if (!testData_.empty()) {
        testData = DataSpec::parse(testData_);
    }
    const ProbeResult r = runProbes(
        context.resources, source_.request(), DataSpec::parse(data_), samples_, testSamples_,
        source_.deviceName(),
        [&](int done, int total, const std::string& what) {
            progress.update(done, total, what);
            return !stop.load();
        },
        testData);
    progress.finish();
    if (json_) {
        nlohmann::json blocks = nlohmann::json::array();
        for (const BlockProbe& b : r.blocks) {
            blocks.push_back({{"name", b.name},
                              {"stage", b.stage},
                              {"features", b.features},
                              {"accuracy", b.accuracy},
                              {"converged", b.converged}});
        }
        nlohmann::json doc = {{"samples", r.samples},
                              {"test_samples", r.testSamples},
                              {"network_accuracy", r.networkAccuracy},
                              {"blocks", blocks},
                              {"arch", r.arch},
                              {"train", r.train},
                              {"test", r.test},
                              {"model", source_.modelName()},
                              {"device", source_.deviceName()},
                              {"cancelled", r.cancelled}};
        std::cout << doc.dump(2) << std::endl;
    } else {
        std::printf("%s: linear probes fitted on %lld images of %s, scored on %lld of %s\n",
                    r.title.c_str(), static_cast<long long>(r.samples), r.train.c_str(),
                    static_cast<long long>(r.testSamples), r.test.c_str());
        std::printf("  %-12s %8s %9s\n", "block", "features", "accuracy");
        for (const BlockProbe& b : r.blocks) {
            std::printf("  %-12s %8lld %8.2f%%%s\n", b.name.c_str(),
                        static_cast<long long>(b.features), 100 * b.accuracy,
                        b.converged ? "" : "  (not converged)");
        }
        std::printf("  %-12s %8s %8.2f%%\n", "network", "", 100 * r.networkAccuracy);
    }
    if (r.cancelled) {
        std::fprintf(stderr, "cancelled: the probes fitted so far are shown\n");
    }
    // Ctrl-C: what ran was printed; 130 as train, compare and landscape end.
    return stop.load() ? 130 : 0;
}

}  // namespace reslens::cli
