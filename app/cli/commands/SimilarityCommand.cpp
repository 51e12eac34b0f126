#include "app/cli/commands/SimilarityCommand.h"

#include <atomic>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/common/ProgressLine.h"
#include "app/cli/common/SigintCancel.h"
#include "app/core/instruments/SimilarityStudy.h"
#include "app/core/instruments/SimilaritySummary.h"

namespace reslens::cli {
namespace {

void printSummary(const SimilarityResult& r) {
    std::printf("%s on %s, %lld images: linear CKA between block outputs\n", r.title.c_str(),
                r.data.c_str(), static_cast<long long>(r.samples));
    for (const StageSimilarity& s : withinStageSimilarity(r)) {
        std::printf("  stage %d: mean CKA between its blocks %.3f (%d pairs)\n", s.stage, s.meanCka,
                    s.pairs);
    }
    std::printf("  neighbours:");
    for (double cka : neighbourSimilarity(r)) {
        std::printf(" %.2f", cka);
    }
    std::printf("\n");
}

}  // namespace

SimilarityCommand::SimilarityCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "similarity",
        "linear CKA between the outputs of every pair of blocks, stem included "
        "(Kornblith et al. 2019)");
    source_.addModelOption(*command_);
    source_.addDeviceOption(*command_);
    command_
        ->add_option("--data", data_,
                     "fashion-mnist[:DIR][:train|test] (default split: test), "
                     "cifar10:DIR[:train|test] or folder:DIR")
        ->required();
    command_->add_option("--samples", samples_, "the first N images of the split")
        ->capture_default_str();
    command_->add_flag("--json", json_, "print one JSON document");
}

int SimilarityCommand::run(const CommandContext& context) {
    ProgressLine progress;
    std::atomic<bool> stop{false};
    SigintCancel sigint([&stop] { stop = true; });
    const SimilarityResult r =
        runSimilarity(context.resources, source_.request(), DataSpec::parse(data_), samples_,
                      source_.deviceName(), [&](int done, int total, const std::string& what) {
                          progress.update(done, total, what);
                          return !stop.load();
                      });
    progress.finish();
    if (json_) {
        nlohmann::json doc = {{"samples", r.samples},
                              {"blocks", r.blocks},
                              {"stages", r.stages},
                              {"cka", r.cka},
                              {"arch", r.arch},
                              {"data", r.data},
                              {"model", source_.modelName()},
                              {"device", source_.deviceName()},
                              {"cancelled", r.cancelled}};
        std::cout << doc.dump(2) << std::endl;
    } else if (!r.cancelled) {
        printSummary(r);
    }
    if (r.cancelled) {
        std::fprintf(stderr, "cancelled before the matrix was complete\n");
    }
    // Ctrl-C: what ran was printed; 130 as train, compare and landscape end.
    return stop.load() ? 130 : 0;
}

}  // namespace reslens::cli
