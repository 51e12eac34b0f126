#include "app/cli/EvaluateCommand.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/core/DataLoading.h"
#include "model/data/DataSpec.h"
#include "model/data/DatasetFromSpec.h"
#include "model/training/Evaluation.h"
#include "model/runtime/InputError.h"

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
    DataSpec spec = DataSpec::parse(data_);
    if (!spec.splitGiven) {
        spec = spec.withSplit(Split::Test);
    }
    const Preprocessing& p = model.metadata.preprocessing;
    const Dataset data = loadData(spec, p);
    const ResNetConfig& c = model.metadata.config;
    if (data.channels() != c.inChannels || data.height() != c.inputHeight ||
        data.width() != c.inputWidth) {
        throw InputError(data.name + " has " + std::to_string(data.channels()) + "x" +
                         std::to_string(data.height()) + "x" + std::to_string(data.width()) +
                         " images; the model takes " + std::to_string(c.inChannels) + "x" +
                         std::to_string(c.inputHeight) + "x" + std::to_string(c.inputWidth));
    }
    if (data.classes() > c.classes) {
        throw InputError(data.name + " has " + std::to_string(data.classes()) +
                         " classes; the model knows " + std::to_string(c.classes));
    }
    const EvaluationResult result = evaluate(*model.network, data, p.mean, p.std);
    if (json_) {
        std::cout << nlohmann::json{{"model", source_.modelName()},
                                    {"data", data.name},
                                    {"samples", result.samples},
                                    {"accuracy", result.accuracy},
                                    {"loss", result.loss}}
                         .dump(2)
                  << std::endl;
    } else {
        std::printf("%s on %s: %.2f%% of %lld images right, mean loss %.4f\n", c.arch.c_str(),
                    data.name.c_str(), 100 * result.accuracy,
                    static_cast<long long>(result.samples), result.loss);
    }
    return 0;
}

}  // namespace reslens::cli
