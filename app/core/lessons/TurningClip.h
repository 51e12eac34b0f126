#pragma once

// The "Watch the blocks" lesson's clip (tools/make_turning_clip.py): Fashion-MNIST products
// turning, each frame's product and pose named by the clip's manifest, and what a model's
// top-1 classes over the clip say by pose.

#include <cstdint>
#include <string>
#include <vector>

namespace reslens {

class ResourceSource;

inline constexpr const char* kTurningClip = "videos/turning-products.mkv";
inline constexpr const char* kTurningClipManifest = "videos/turning-products.json";

struct ClipFrame {
    int64_t label = 0;  // the product's class
    std::string pose;   // "face-on", "edge-on", "sideways", "upside-down" or "turning"
};

struct TurningClip {
    std::vector<ClipFrame> frames;
};

// Reads the manifest from the shipped resources. Throws InputError when it is missing or
// not the manifest's shape.
TurningClip readTurningClip(const ResourceSource& resources);

// The share of the frames of each pose whose top-1 class is the product's: "face-on",
// "edge-on", "sideways", "upside-down", in that order. NaN for a pose with no frame.
struct PoseAccuracy {
    std::string pose;
    double share = 0;
    int frames = 0;
};
std::vector<PoseAccuracy> accuracyByPose(const TurningClip& clip, const std::vector<int64_t>& top1);

}  // namespace reslens
