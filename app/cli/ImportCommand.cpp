#include "app/cli/ImportCommand.h"

#include <torch/torch.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/ResourcePaths.h"
#include "app/cli/TextFormat.h"
#include "model/InputError.h"
#include "model/ModelFile.h"
#include "model/TorchvisionImport.h"

namespace reslens::cli {
namespace {

std::vector<std::string> readLabels(const std::string& path, int classes) {
    std::ifstream in(path);
    if (!in) {
        throw InputError("cannot read the labels file '" + path + "'");
    }
    std::vector<std::string> labels;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (!line.empty()) {
            labels.push_back(line);
        }
    }
    if (labels.size() != static_cast<size_t>(classes)) {
        throw InputError("'" + path + "' has " + std::to_string(labels.size()) +
                         " labels but the network has " + std::to_string(classes) + " classes");
    }
    return labels;
}

}  // namespace

ImportCommand::ImportCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "import",
        "a torchvision ResNet saved with TorchScript (or torch.save of its state_dict) "
        "into a ResLens model file");
    command_->add_option("file", input_, "the TorchScript (.pt/.ts) or state_dict (.pth) file")
        ->required();
    architecture_.addTo(*command_, /*required=*/false);
    command_->add_option("--labels", labels_,
                         "imagenet, or a file with one class name per line "
                         "(default: imagenet for 1000 classes, else numbered)");
    command_->add_option("--out", out_, "the ResLens model file to write")->required();
    command_->add_flag("--json", json_, "print one JSON document");
}

int ImportCommand::run(const std::string& commandLine) {
    std::optional<ResNetConfig> architecture;
    if (architecture_.archGiven()) {
        architecture = architecture_.toConfig();
    }
    const ImportedNetwork imported = importTorchvision(input_, architecture);
    const ResNetConfig& config = imported.network->config();

    ModelMetadata metadata;
    metadata.config = config;
    const std::string labels =
        labels_.empty() ? (config.classes == 1000 ? "imagenet" : "") : labels_;
    if (labels == "imagenet") {
        if (config.classes != 1000) {
            throw InputError("--labels imagenet needs 1000 classes; the network has " +
                             std::to_string(config.classes));
        }
        metadata.labels =
            readLabels(resourceFile("labels/imagenet1k.txt", "the ImageNet labels"), 1000);
    } else if (!labels.empty()) {
        metadata.labels = readLabels(labels, config.classes);
    } else {
        metadata.labels = numberedLabels(config.classes);
    }
    metadata.preprocessing =
        Preprocessing::forInput(config.inChannels, config.inputHeight, config.inputWidth);
    metadata.provenance = {{"source", "torchvision import"},
                           {"file", input_},
                           {"architecture_detected", imported.detected},
                           {"command", commandLine},
                           {"created", utcTimestamp()},
                           {"torch", TORCH_VERSION}};
    saveModel(out_, *imported.network, metadata);

    if (json_) {
        std::cout << nlohmann::json{{"file", input_},
                                    {"out", out_},
                                    {"arch", config.arch},
                                    {"architecture_detected", imported.detected},
                                    {"classes", config.classes},
                                    {"in_channels", config.inChannels}}
                         .dump(2)
                  << std::endl;
    } else {
        std::printf("imported %s (%s, %s) into %s: %d classes, labels %s\n", input_.c_str(),
                    config.arch.c_str(), imported.detected ? "detected from the keys" : "as given",
                    out_.c_str(), config.classes, labels.empty() ? "numbered" : labels.c_str());
    }
    return 0;
}

}  // namespace reslens::cli
