#include "app/cli/commands/ImportCommand.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/common/UsageError.h"
#include "app/core/models/ImportInspection.h"
#include "app/core/models/ModelCatalog.h"

namespace reslens::cli {
namespace {

void printReport(const ImportReport& report) {
    std::printf("%s: %s", report.file.c_str(), report.format.c_str());
    if (!report.weightsPath.empty()) {
        std::printf(", weights under '%s'", report.weightsPath.c_str());
    }
    if (!report.strippedPrefix.empty()) {
        std::printf(", prefix '%s' stripped", report.strippedPrefix.c_str());
    }
    std::printf("\n  %s\n", report.architectureLine().c_str());
    if (report.candidates.size() > 1) {
        std::string names;
        for (const auto& name : report.candidates) {
            names += (names.empty() ? "" : ", ") + name;
        }
        std::printf("  the file holds %zu sets of weights (%s): choose with --key\n",
                    report.candidates.size(), names.c_str());
    }
    for (const auto& assumption : report.assumptions) {
        std::printf("  assumed: %s\n", assumption.c_str());
    }
}

// A TorchScript file's own prints, from the loader process: on stderr (stdout may be JSON),
// marked as the file's.
void relayPrinted(const std::string& file, const std::string& printed) {
    if (printed.empty()) {
        return;
    }
    std::fprintf(stderr, "'%s' printed this while it was loaded (in reslens-loader):\n",
                 file.c_str());
    size_t start = 0;
    while (start < printed.size()) {
        const size_t end = std::min(printed.find('\n', start), printed.size());
        std::fprintf(stderr, "  | %s\n", printed.substr(start, end - start).c_str());
        start = end + 1;
    }
}

}  // namespace

ImportCommand::ImportCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "import",
        "your own ResNet — a torch.save checkpoint (state dict, OrderedDict, or a training "
        "checkpoint wrapping one), safetensors, or TorchScript — recognised from its structure, "
        "into a ResLens model file. Loading TorchScript runs code stored in the file (its "
        "__setstate__ methods); it runs in a process of its own, reslens-loader, with limits "
        "on memory and time, so the file cannot crash or hang ResLens, but prefer a state dict "
        "for a file you do not trust (docs/trust.md)");
    command_
        ->add_option("file", input_,
                     "the checkpoint (.pth/.pt/.th/.safetensors) or TorchScript file")
        ->required();
    architecture_.addTo(*command_, /*required=*/false);
    command_->add_option("--labels", labels_,
                         "imagenet, or a file with one class name per line "
                         "(default: imagenet for 1000 classes, else numbered)");
    command_->add_option("--key", key_,
                         "which dict of tensors to take when the checkpoint holds several "
                         "(e.g. ema, model, state_dict)");
    command_->add_option("--stem-pool-stride", stemPoolStride_,
                         "the stem's 3x3 max-pool stride, or none (default: 2 after a 7x7 stem, "
                         "none after a 3x3 one)");
    command_->add_option("--shortcut-a-padding", zeroPad_,
                         "where option A's zero channels go: end, or both (half before, half "
                         "after, as F.pad(x, (0, 0, 0, 0, p, p)); the default)");
    command_->add_option("--mean", mean_, "Normalize's mean, per channel: R,G,B");
    command_->add_option("--std", std_, "Normalize's std, per channel: R,G,B");
    command_->add_flag("--explain", explain_,
                       "print the mapping, file key -> ResLens parameter with shapes, and write "
                       "nothing");
    command_->add_option("--out", out_, "the ResLens model file to write");
    command_->add_flag("--json", json_, "print one JSON document");
    command_
        ->add_option("--load-timeout", loadSeconds_,
                     "seconds a TorchScript file may take to load (in the reslens-loader "
                     "process, which is then stopped; default 60)")
        ->check(CLI::Range(0.1, 86400.0));
}

int ImportCommand::run(const CommandContext& context) {
    if (out_.empty() && !explain_) {
        throw UsageError("import needs --out MODEL.pt (or --explain)");
    }
    ModelRequest request = ModelRequest::torchScript(input_);
    if (architecture_.archGiven()) {
        request.config = architecture_.toConfig();
        request.architectureGiven = true;
    }
    request.labels = LabelChoice::parse(labels_);
    ImportSettings& settings = request.import;
    settings.key = key_;
    if (!stemPoolStride_.empty())
        settings.stemPoolStride = ImportSettings::parseStemPoolStride(stemPoolStride_);
    if (!zeroPad_.empty())
        settings.zeroPad = ImportSettings::parseZeroPad(zeroPad_);
    if (!mean_.empty())
        settings.mean = ImportSettings::parseTriple(mean_, "--mean");
    if (!std_.empty())
        settings.std = ImportSettings::parseTriple(std_, "--std");
    settings.loadSeconds = loadSeconds_;
    // --input (of the architecture flags) without --arch: the recognised network's input size
    // (default 224x224 after a 7x7 stem, 32x32 after a 3x3 one).
    if (!architecture_.archGiven() && architecture_.inputGiven()) {
        settings.input = parseInputSize(architecture_.inputText());
    }
    const ModelCatalog catalog(context.resources);

    if (explain_) {
        const ImportReport report = inspectImport(request);
        if (json_) {
            std::cout << report.toJson(true).dump(2) << std::endl;
            return 0;
        }
        printReport(report);
        for (const auto& row : report.mapping) {
            std::printf("  %-40s -> %-40s %s%s%s\n",
                        row.fileKey.empty() ? "(none)" : row.fileKey.c_str(),
                        row.reslensKey.c_str(), row.shape.c_str(), row.note.empty() ? "" : "  ",
                        row.note.c_str());
        }
        return 0;
    }

    const LoadedModel imported = catalog.open(request, context.commandLine);
    relayPrinted(input_, imported.printedWhileLoading);
    const ResNetConfig& config = imported.network->config();
    const bool detected = imported.metadata.provenance["architecture_detected"].get<bool>();
    saveModel(out_, *imported.network, imported.metadata);

    if (json_) {
        nlohmann::json json = {{"file", input_},
                               {"out", out_},
                               {"arch", config.arch},
                               {"architecture_detected", detected},
                               {"classes", config.classes},
                               {"in_channels", config.inChannels},
                               {"input", {config.inputHeight, config.inputWidth}},
                               {"mean", imported.metadata.preprocessing.mean},
                               {"std", imported.metadata.preprocessing.std}};
        if (imported.metadata.provenance.contains("import")) {
            json["import"] = imported.metadata.provenance["import"];
        }
        std::cout << json.dump(2) << std::endl;
    } else {
        const std::string labels =
            labels_.empty() ? (config.classes == 1000 ? "imagenet" : "numbered") : labels_;
        if (detected) {
            const auto& report = imported.metadata.provenance["import"];
            for (const auto& assumption : report["assumptions"]) {
                std::printf("assumed: %s\n", assumption.get<std::string>().c_str());
            }
            if (report["candidates"].size() > 1) {
                std::printf("took the weights under '%s' of %zu sets (choose with --key)\n",
                            report["weights"].get<std::string>().c_str(),
                            report["candidates"].size());
            }
        }
        std::printf("imported %s (%s, %s) into %s: %d classes, input %dx%d, labels %s\n",
                    input_.c_str(), config.arch.c_str(),
                    detected ? "recognised from its structure" : "as given", out_.c_str(),
                    config.classes, config.inputHeight, config.inputWidth, labels.c_str());
    }
    return 0;
}

}  // namespace reslens::cli
