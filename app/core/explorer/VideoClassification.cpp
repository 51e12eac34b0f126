#include "app/core/explorer/VideoClassification.h"

#include <string>

#include "app/core/explorer/ExplorerSession.h"
#include "imaging/VideoReader.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

// Frames per classifyAll(): its own forward batch, so that the frames are decoded while no
// more than one batch of them is held.
constexpr size_t kFramesPerBatch = 16;

}  // namespace

std::vector<FrameClassification> classifyVideo(
    ExplorerSession& session, VideoReader& video, const VideoClassificationOptions& options,
    const std::function<bool(int64_t framesRead)>& progress) {
    if (options.every < 1) {
        throw InputError("--every must be 1 or more (every Nth frame), not " +
                         std::to_string(options.every));
    }
    std::vector<FrameClassification> out;
    std::vector<VideoFrame> batch;
    const auto classifyBatch = [&] {
        std::vector<DecodedImage> images;
        images.reserve(batch.size());
        for (const VideoFrame& frame : batch) {
            images.push_back(frame.image);
        }
        std::vector<ClassificationResult> results = session.classifyAll(images, options.topK);
        for (size_t i = 0; i < batch.size(); ++i) {
            out.push_back({batch[i].index, batch[i].timeSeconds, std::move(results[i])});
        }
        batch.clear();
    };
    while (true) {
        std::optional<VideoFrame> frame = video.next();
        if (!frame) {
            break;
        }
        batch.push_back(std::move(*frame));
        // The frames between two classified ones are passed over without converting them.
        bool ended = false;
        for (int i = 1; i < options.every && !ended; ++i) {
            ended = !video.skip();
        }
        if (batch.size() == kFramesPerBatch || ended) {
            classifyBatch();
            if (progress && !progress(video.position())) {
                return out;
            }
        }
        if (ended) {
            break;
        }
    }
    if (!batch.empty()) {
        classifyBatch();
        if (progress) {
            progress(video.position());
        }
    }
    return out;
}

}  // namespace reslens
