#include "app/cli/FeaturesCommand.h"

#include <torch/torch.h>

#include <cstdio>

#include "imaging/FeatureGrid.h"
#include "imaging/ImageDecoder.h"
#include "imaging/ImagePreprocessor.h"
#include "imaging/ImageRendering.h"
#include "model/FeatureCaptureProbe.h"
#include "model/InputError.h"

namespace reslens::cli {
namespace {

std::string blockNames(const ResNetImpl& network) {
    const auto& blocks = network.blocks();
    return blocks.front()->info().name + " ... " + blocks.back()->info().name;
}

}  // namespace

FeaturesCommand::FeaturesCommand(CLI::App& parent) {
    command_ = parent.add_subcommand("features", "the feature-map grid of one block, as a PNG");
    source_.addModelOption(*command_);
    source_.addDeviceOption(*command_);
    command_->add_option("image", image_, "the image file")->required();
    command_->add_option("--block", block_, "block name, e.g. layer1.0")->required();
    command_->add_option("--tensor", tensor_, "which tensor of the block")
        ->check(CLI::IsMember({"input", "residual", "shortcut", "output"}))
        ->capture_default_str();
    command_->add_option("--out", out_, "the PNG to write")->required();
    command_
        ->add_option("--normalize", normalize_,
                     "channel: each tile its own range; shared: one range for all")
        ->check(CLI::IsMember({"channel", "shared"}))
        ->capture_default_str();
    command_->add_option("--order", order_, "index, or activation (strongest mean first)")
        ->check(CLI::IsMember({"index", "activation"}))
        ->capture_default_str();
    command_->add_option("--columns", columns_, "tiles per row (0: square)")
        ->check(CLI::Range(0, 4096));
    command_->add_option("--tile-size", tileSize_, "enlarge small maps to at least this")
        ->check(CLI::Range(1, 1024))
        ->capture_default_str();
}

int FeaturesCommand::run() {
    LoadedModel model = source_.load();
    if (!model.network->block(block_)) {
        throw InputError("no block '" + block_ + "' in " + model.metadata.config.arch + " (" +
                         blockNames(*model.network) + ")");
    }
    const PreparedImage prepared =
        prepareImage(decodeImageFile(image_), model.metadata.preprocessing);

    FeatureCaptureProbe capture(*model.network, {block_});
    {
        torch::InferenceMode inference;
        const auto device = model.network->fc->weight.device();
        model.network->forward(prepared.tensor.unsqueeze(0).to(device));
    }
    const CapturedBlock* captured = capture.find(block_);
    const torch::Tensor& maps = tensor_ == "input"      ? captured->input
                                : tensor_ == "residual" ? captured->residual
                                : tensor_ == "shortcut" ? captured->shortcut
                                                        : captured->output;
    if (!maps.defined()) {
        throw InputError(block_ + " has no shortcut (the network has no skip connections)");
    }
    FeatureGridOptions options;
    options.normalization =
        normalize_ == "shared" ? GridNormalization::Shared : GridNormalization::PerChannel;
    options.columns = columns_;
    options.minTileSize = tileSize_;
    if (order_ == "activation") {
        options.channelOrder = channelsByMeanActivation(maps[0]);
    }
    const FeatureGrid grid = renderFeatureGrid(maps[0], options);
    writePng(out_, grid.image);
    std::printf("wrote %s: %s %s, %lld channels of %lldx%lld, %dx%d tiles, %dx%d pixels\n",
                out_.c_str(), block_.c_str(), tensor_.c_str(), static_cast<long long>(maps.size(1)),
                static_cast<long long>(maps.size(2)), static_cast<long long>(maps.size(3)),
                grid.columns, grid.rows, grid.image.cols, grid.image.rows);
    return 0;
}

}  // namespace reslens::cli
