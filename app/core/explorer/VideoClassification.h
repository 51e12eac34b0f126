#pragma once

// A video through the explorer's model: every Nth frame classified exactly as a still image
// of the same pixels would be (ExplorerSession::classifyAll), in the explorer's forward
// batches. reslens-cli classify --video is its face; the app plays videos frame by frame
// through the explorer's worker instead, for the feature maps.

#include <cstdint>
#include <functional>
#include <vector>

#include "app/core/explorer/ExplorerTypes.h"

namespace reslens {

class ExplorerSession;
class VideoReader;

struct FrameClassification {
    int64_t frame = 0;       // 0-based index in the video
    double timeSeconds = 0;  // its presentation time
    ClassificationResult result;
};

struct VideoClassificationOptions {
    int every = 1;  // classify frames 0, every, 2·every, ...
    int topK = 5;
};

// Reads `video` to its end. `progress(framesRead)` is called after each batch; returning
// false stops the reading and keeps what was classified. Throws InputError for every = 0
// or less, and for a video that is damaged or stops early (VideoReader), before returning
// any result.
std::vector<FrameClassification> classifyVideo(
    ExplorerSession& session, VideoReader& video, const VideoClassificationOptions& options,
    const std::function<bool(int64_t framesRead)>& progress = {});

}  // namespace reslens
