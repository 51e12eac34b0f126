#include "app/cli/commands/FeaturesCommand.h"

#include <cstdio>

#include "app/cli/common/ExplorerOpening.h"
#include "app/core/explorer/ExplorerSession.h"
#include "imaging/ImageDecoder.h"
#include "imaging/ImageRendering.h"
#include "model/runtime/InputError.h"

namespace reslens::cli {

FeaturesCommand::FeaturesCommand(CLI::App& parent) {
    command_ = parent.add_subcommand("features", "the feature-map grid of one block, as a PNG");
    source_.addModelOption(*command_);
    source_.addDeviceOption(*command_);
    source_.addFramingOption(*command_);
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

int FeaturesCommand::run(const CommandContext& context) {
    ExplorerSession session(context.resources, /*captureFeatures=*/true);
    openExplorer(source_, session);
    BlockQuery query;
    query.entry = session.entryOf(block_);  // an unknown block fails before decoding
    query.tensor = *tensorKindFromString(tensor_);
    query.normalization = *gridNormalizationFromString(normalize_);
    query.sortByActivation = order_ == "activation";
    query.columns = columns_;
    query.minTileSize = tileSize_;
    session.classify(decodeImageFile(image_), 1);

    const BlockRendering grid = session.render(query);
    if (grid.status == BlockRendering::Status::NoShortcut) {
        throw InputError(block_ + " has no shortcut (the network has no skip connections)");
    }
    writePng(out_, grid.grid);
    std::printf("wrote %s: %s %s, %lld channels of %lldx%lld, %dx%d tiles, %dx%d pixels\n",
                out_.c_str(), block_.c_str(), tensor_.c_str(),
                static_cast<long long>(grid.shape[0]), static_cast<long long>(grid.shape[1]),
                static_cast<long long>(grid.shape[2]), grid.columns, grid.rows, grid.grid.cols,
                grid.grid.rows);
    return 0;
}

}  // namespace reslens::cli
