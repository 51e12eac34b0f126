#include "app/cli/commands/CamCommand.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

#include "app/cli/common/ExplorerOpening.h"
#include "app/core/explorer/ExplorerSession.h"
#include "imaging/ImageDecoder.h"
#include "imaging/ImageRendering.h"
#include "model/tracing/GradCam.h"

namespace reslens::cli {

CamCommand::CamCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "cam", "Grad-CAM: where the evidence for a class lies, at the stem or any block");
    source_.addModelOption(*command_);
    source_.addDeviceOption(*command_);
    source_.addFramingOption(*command_);
    command_->add_option("image", image_, "the image file")->required();
    command_->add_option("--block", block_, "stem, or a block name, e.g. layer3.2")->required();
    command_->add_option("--class", classIndex_, "the class to explain (default: the top-1)")
        ->check(CLI::NonNegativeNumber);
    command_->add_option("--out", out_, "a PNG of the map over the image the network received");
    command_->add_flag("--json", json_, "print one JSON document");
}

int CamCommand::run(const CommandContext& context) {
    ExplorerSession session(context.resources, /*captureFeatures=*/false);
    openExplorer(source_, session);
    CamQuery query;
    // An unknown block fails before the image is decoded.
    query.entry = block_ == kStemTarget ? 0 : session.entryOf(block_);
    query.classIndex = classIndex_;
    session.classify(decodeImageFile(image_), 1);
    const CamRendering cam = session.gradCam(query);
    if (!out_.empty()) {
        writePng(out_, cam.overlay);
    }
    if (json_) {
        nlohmann::json rows = nlohmann::json::array();
        for (int y = 0; y < cam.height; ++y) {
            rows.push_back(std::vector<float>(cam.cam.begin() + y * cam.width,
                                              cam.cam.begin() + (y + 1) * cam.width));
        }
        nlohmann::json doc = {{"model", source_.modelName()},
                              {"image", image_},
                              {"block", cam.target},
                              {"class",
                               {{"index", cam.explained.index},
                                {"label", cam.explained.label},
                                {"probability", cam.explained.probability}}},
                              {"cam", rows}};
        if (!out_.empty()) {
            doc["out"] = out_;
        }
        std::printf("%s\n", doc.dump(2).c_str());
        return 0;
    }
    const float peak = cam.cam.empty() ? 0 : *std::max_element(cam.cam.begin(), cam.cam.end());
    std::printf("Grad-CAM at %s for %s (class %lld, p = %.3f): %dx%d map, peak %.4g%s%s\n",
                cam.target.c_str(), cam.explained.label.c_str(),
                static_cast<long long>(cam.explained.index), cam.explained.probability, cam.width,
                cam.height, peak, out_.empty() ? "" : ", wrote ", out_.c_str());
    return 0;
}

}  // namespace reslens::cli
