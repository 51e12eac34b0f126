#include "app/cli/common/ArchitectureOptions.h"

#include <cctype>

#include "app/cli/common/UsageError.h"

namespace reslens::cli {
namespace {

int parsePositiveInt(const std::string& text, const std::string& what) {
    if (text.empty() || text.size() > 9) {
        throw UsageError(what + " '" + text + "' is not a size");
    }
    for (char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c))) {
            throw UsageError(what + " '" + text + "' is not a size");
        }
    }
    return std::stoi(text);
}

}  // namespace

std::pair<int, int> parseInputSize(const std::string& text) {
    const auto x = text.find_first_of("xX");
    if (x == std::string::npos) {
        const int side = parsePositiveInt(text, "--input");
        return {side, side};
    }
    return {parsePositiveInt(text.substr(0, x), "--input"),
            parsePositiveInt(text.substr(x + 1), "--input")};
}

void ArchitectureOptions::addTo(CLI::App& command, bool required) {
    auto* arch = command.add_option(
        "--arch", arch_,
        "resnet18/34/50/101/152 (ImageNet), resnet20/32/44/56/110 or any 6n+2 (CIFAR), plainN");
    if (required) {
        arch->required();
    }
    command.add_flag("--no-skip", noSkip_, "drop every shortcut (the plain twin)");
    command.add_option("--shortcut", shortcut_, "A: zero-padding identity, B: 1x1 projection + BN")
        ->check(CLI::IsMember({"A", "B", "a", "b"}));
    command
        .add_option("--stride-on", strideOn_,
                    "where a bottleneck downsamples: 1x1 (v1) or 3x3 (v1.5)")
        ->check(CLI::IsMember({"1x1", "3x3"}));
    command.add_flag("--preact", preact_, "full pre-activation blocks (He et al. 2016)");
    command.add_flag("--no-bn", noBn_, "no batch norm (convolutions get biases)");
    command.add_option("--in-channels", inChannels_, "input channels");
    command.add_option("--classes", classes_, "number of classes");
    command.add_option("--input", input_, "input size HxW (or one number for a square)");
}

ResNetConfig ArchitectureOptions::toConfig() const {
    ResNetConfig config;
    try {
        config = ResNetConfig::fromArchName(arch_);
    } catch (const ConfigError& e) {
        throw UsageError(e.what());
    }
    if (noSkip_) {
        config.skip = false;
    }
    if (!shortcut_.empty()) {
        config.shortcut =
            (shortcut_ == "A" || shortcut_ == "a") ? ShortcutOption::A : ShortcutOption::B;
    }
    if (!strideOn_.empty()) {
        config.strideOn = strideOn_ == "1x1" ? StrideOn::Conv1x1 : StrideOn::Conv3x3;
    }
    config.preact = preact_;
    config.batchNorm = !noBn_;
    if (inChannels_) {
        config.inChannels = *inChannels_;
    }
    if (classes_) {
        config.classes = *classes_;
    }
    if (!input_.empty()) {
        std::tie(config.inputHeight, config.inputWidth) = parseInputSize(input_);
    }
    config.arch = config.canonicalName();
    try {
        config.validate();
    } catch (const ConfigError& e) {
        throw UsageError(e.what());
    }
    return config;
}

}  // namespace reslens::cli
