#include "app/cli/commands/EvaluateCommand.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/core/studies/ModelEvaluation.h"

namespace reslens::cli {

EvaluateCommand::EvaluateCommand(CLI::App& parent) {
    command_ = parent.add_subcommand("evaluate", "accuracy and loss of a model on a dataset");
    source_.addModelOption(*command_);
    source_.addDeviceOption(*command_);
    command_
        ->add_option("--data", data_,
                     "fashion-mnist[:DIR][:train|test] (default split: test), "
                     "cifar10:DIR[:train|test] or folder:DIR")
        ->required();
    command_->add_flag("--json", json_, "print one JSON document");
}

int EvaluateCommand::run(const CommandContext& context) {
    LoadedModel model = source_.load(context.resources);
    const ModelEvaluation evaluation = evaluateModel(model, DataSpec::parse(data_));
    const EvaluationResult& result = evaluation.result;
    const ResNetConfig& c = model.metadata.config;
    if (json_) {
        std::cout << nlohmann::json{{"model", source_.modelName()},
                                    {"data", evaluation.data},
                                    {"samples", result.samples},
                                    {"accuracy", result.accuracy},
                                    {"loss", result.loss}}
                         .dump(2)
                  << std::endl;
    } else {
        std::printf("%s on %s: %.2f%% of %lld images right, mean loss %.4f\n", c.arch.c_str(),
                    evaluation.data.c_str(), 100 * result.accuracy,
                    static_cast<long long>(result.samples), result.loss);
    }
    return 0;
}

}  // namespace reslens::cli
