#include "app/core/lessons/TurningClip.h"

#include <nlohmann/json.hpp>

#include <limits>

#include "app/core/models/ResourceSource.h"
#include "model/runtime/InputError.h"

namespace reslens {

TurningClip readTurningClip(const ResourceSource& resources) {
    const std::optional<std::vector<char>> bytes = resources.read(kTurningClipManifest);
    if (!bytes) {
        throw InputError("the lesson's clip manifest is missing: " +
                         resources.locate(kTurningClipManifest));
    }
    TurningClip clip;
    try {
        const nlohmann::json manifest = nlohmann::json::parse(bytes->begin(), bytes->end());
        for (const nlohmann::json& frame : manifest.at("frames")) {
            clip.frames.push_back(
                {frame.at("label").get<int64_t>(), frame.at("pose").get<std::string>()});
        }
    } catch (const nlohmann::json::exception& e) {
        throw InputError(resources.locate(kTurningClipManifest) + ": not the clip's manifest (" +
                         e.what() + ")");
    }
    return clip;
}

std::vector<PoseAccuracy> accuracyByPose(const TurningClip& clip,
                                         const std::vector<int64_t>& top1) {
    std::vector<PoseAccuracy> out;
    for (const char* pose : {"face-on", "edge-on", "sideways", "upside-down"}) {
        int frames = 0, correct = 0;
        for (size_t i = 0; i < clip.frames.size() && i < top1.size(); ++i) {
            if (clip.frames[i].pose == pose) {
                ++frames;
                correct += top1[i] == clip.frames[i].label;
            }
        }
        out.push_back({pose,
                       frames ? double(correct) / frames : std::numeric_limits<double>::quiet_NaN(),
                       frames});
    }
    return out;
}

}  // namespace reslens
