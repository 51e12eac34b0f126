#include "app/cli/ImportCommand.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/core/ModelCatalog.h"

namespace reslens::cli {

ImportCommand::ImportCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "import",
        "a torchvision ResNet saved with TorchScript (or torch.save of its state_dict) "
        "into a ResLens model file. Loading TorchScript runs code stored in the file (its "
        "__setstate__ methods): import only files you trust (docs/trust.md)");
    command_->add_option("file", input_, "the TorchScript (.pt/.ts) or state_dict (.pth) file")
        ->required();
    architecture_.addTo(*command_, /*required=*/false);
    command_->add_option("--labels", labels_,
                         "imagenet, or a file with one class name per line "
                         "(default: imagenet for 1000 classes, else numbered)");
    command_->add_option("--out", out_, "the ResLens model file to write")->required();
    command_->add_flag("--json", json_, "print one JSON document");
}

int ImportCommand::run(const CommandContext& context) {
    ModelRequest request = ModelRequest::torchScript(input_);
    if (architecture_.archGiven()) {
        request.config = architecture_.toConfig();
        request.architectureGiven = true;
    }
    request.labels = LabelChoice::parse(labels_);
    const LoadedModel imported = ModelCatalog(context.resources).open(request, context.commandLine);
    const ResNetConfig& config = imported.network->config();
    const bool detected = imported.metadata.provenance["architecture_detected"].get<bool>();
    saveModel(out_, *imported.network, imported.metadata);

    if (json_) {
        std::cout << nlohmann::json{{"file", input_},
                                    {"out", out_},
                                    {"arch", config.arch},
                                    {"architecture_detected", detected},
                                    {"classes", config.classes},
                                    {"in_channels", config.inChannels}}
                         .dump(2)
                  << std::endl;
    } else {
        const std::string labels =
            labels_.empty() ? (config.classes == 1000 ? "imagenet" : "numbered") : labels_;
        std::printf("imported %s (%s, %s) into %s: %d classes, labels %s\n", input_.c_str(),
                    config.arch.c_str(), detected ? "detected from the keys" : "as given",
                    out_.c_str(), config.classes, labels.c_str());
    }
    return 0;
}

}  // namespace reslens::cli
