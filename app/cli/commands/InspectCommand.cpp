#include "app/cli/commands/InspectCommand.h"

#include <cstdio>
#include <iostream>

#include "app/cli/common/SummaryJson.h"
#include "app/cli/common/TextFormat.h"
#include "app/cli/common/UsageError.h"
#include "model/network/ArchitectureSummary.h"

namespace reslens::cli {
namespace {

std::string shapeText(const Shape3& s) {
    return std::to_string(s[0]) + "x" + std::to_string(s[1]) + "x" + std::to_string(s[2]);
}

void printTable(const ArchitectureSummary& summary) {
    const ResNetConfig& c = summary.config;
    std::printf(
        "%s  %s family, %s blocks, %s, shortcut %s%s, %s, %s\n", c.arch.c_str(),
        c.family == Family::ImageNet ? "ImageNet" : "CIFAR", toString(c.block).c_str(),
        c.skip ? "skips on" : "no skips", toString(c.shortcut).c_str(),
        c.block == BlockKind::Bottleneck
            ? (c.strideOn == StrideOn::Conv1x1 ? ", stride on 1x1 (v1)" : ", stride on 3x3 (v1.5)")
            : "",
        c.preact ? "pre-activation" : "post-activation",
        c.batchNorm ? "batch norm" : "no batch norm");
    std::printf("input %dx%dx%d, %d classes: %s parameters, %s multiply-adds\n\n", c.inChannels,
                c.inputHeight, c.inputWidth, c.classes, withThousands(summary.totalParams).c_str(),
                withSiPrefix(static_cast<double>(summary.macs)).c_str());

    std::printf("%-10s %-8s %-10s %11s %6s %-10s %11s %11s %7s %9s %11s %11s %12s\n", "block",
                "stage", "kind", "channels", "stride", "shortcut", "params", "conv", "bn",
                "shortcut", "basic-eq", "mult-adds", "output");
    std::printf("%-10s %-8s %-10s %11s %6s %-10s %11s %11s %7s %9s %11s %11s %12s\n", "stem", "",
                "", "", "", "", withThousands(summary.stem.params).c_str(), "", "", "", "",
                withSiPrefix(static_cast<double>(summary.stem.macs), 1).c_str(),
                shapeText(summary.stem.outputShape).c_str());
    for (const auto& b : summary.blocks) {
        const std::string channels =
            std::to_string(b.info.inChannels) + "->" + std::to_string(b.info.outChannels);
        std::printf("%-10s %-8s %-10s %11s %6d %-10s %11s %11s %7s %9s %11s %11s %12s\n",
                    b.info.name.c_str(), b.info.stage.c_str(), toString(b.info.kind).c_str(),
                    channels.c_str(), b.info.stride, toString(b.info.shortcut).c_str(),
                    withThousands(b.params).c_str(), withThousands(b.convParams).c_str(),
                    withThousands(b.bnParams).c_str(), withThousands(b.shortcutParams).c_str(),
                    b.basicEquivalentParams ? withThousands(*b.basicEquivalentParams).c_str() : "-",
                    withSiPrefix(static_cast<double>(b.macs), 1).c_str(),
                    shapeText(b.outputShape).c_str());
    }
    std::printf("%-10s %-8s %-10s %11s %6s %-10s %11s %11s %7s %9s %11s %11s %12s\n", "head", "",
                "", "", "", "", withThousands(summary.head.params).c_str(), "", "", "", "",
                withSiPrefix(static_cast<double>(summary.head.macs), 1).c_str(),
                shapeText(summary.head.outputShape).c_str());
}

}  // namespace

InspectCommand::InspectCommand(CLI::App& parent) {
    command_ = parent.add_subcommand("inspect", "the architecture, block by block");
    architecture_.addTo(*command_, /*required=*/false);
    source_.addModelOption(*command_, /*required=*/false);
    command_->add_flag("--json", json_, "print one JSON document");
}

int InspectCommand::run(const CommandContext& context) {
    if (architecture_.archGiven() == source_.given()) {
        throw UsageError("inspect needs either --arch or --model");
    }
    const ArchitectureSummary summary =
        source_.given() ? summarize(source_.load(context.resources).network->config())
                        : summarize(architecture_.toConfig());
    if (json_) {
        std::cout << summaryToJson(summary).dump(2) << std::endl;
    } else {
        printTable(summary);
    }
    return 0;
}

}  // namespace reslens::cli
