#include "app/core/studies/ResponseProfile.h"

#include <filesystem>

#include "app/core/explorer/ExplorerSession.h"
#include "imaging/ImageDecoder.h"
#include "model/runtime/InputError.h"

namespace reslens {

ResponseProfile measureResponseProfile(const ResourceSource& resources, const ModelRequest& request,
                                       const std::vector<DecodedImage>& images) {
    if (images.empty()) {
        throw InputError("no images to measure the responses on");
    }
    ExplorerSession session(resources, /*captureFeatures=*/false);
    const OpenedModel model = session.open(request);
    ResponseProfile profile;
    profile.title = std::filesystem::path(request.location).filename().string() + " (" +
                    model.summary.config.arch + ")";
    profile.blocks = model.blockNames;
    profile.meanResidualStd.assign(model.blockNames.size(), 0.0);
    for (const ClassificationResult& result : session.classifyAll(images, 1)) {
        for (size_t b = 0; b < result.blocks.size(); ++b) {
            profile.meanResidualStd[b] += result.blocks[b].residualStd;
        }
    }
    profile.images = static_cast<int>(images.size());
    for (double& value : profile.meanResidualStd) {
        value /= profile.images;
    }
    return profile;
}

}  // namespace reslens
