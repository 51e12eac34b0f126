#include "app/core/studies/LandscapeRequest.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>

#include "app/core/models/ModelCatalog.h"
#include "app/core/runtime/ComputeThreads.h"
#include "app/core/runtime/MemoryBudget.h"
#include "app/core/studies/LossLandscape.h"
#include "app/core/studies/StudySubject.h"
#include "model/network/ArchitectureSummary.h"
#include "model/runtime/DeviceSelection.h"
#include "model/training/Evaluation.h"

namespace reslens {

NamedLandscape runLandscape(const ResourceSource& resources, const ModelRequest& request,
                            const DataSpec& data, const std::string& device,
                            const LandscapeOptions& options, const LandscapeProgress& progress) {
    ComputeThreads::Scope threads;
    // The training split unless the spec names one: the loss training minimised.
    StudySubject subject = openStudySubject(
        resources, request, data.splitGiven ? data : data.withSplit(Split::Train), device);
    NamedLandscape named;
    named.arch = subject.model.metadata.config.arch;
    named.title = subject.title;
    named.data = subject.data.name;
    named.result = runLandscape(subject.model, subject.data, options, progress);
    return named;
}

double landscapeSecondsPerImage(const ResourceSource& resources, const ModelRequest& request,
                                const std::string& device) {
    ComputeThreads::Scope threads;
    LoadedModel model = ModelCatalog(resources).open(request);
    model.network->to(parseDevice(device));
    const Preprocessing& p = model.metadata.preprocessing;
    // Blank images of the input's shape: the cost of a forward does not depend on the pixels.
    // 100 at 32x32, fewer for larger inputs (one at 320x320 and above), so that timing a
    // model never costs more than a few of its forwards.
    const int64_t pixels = int64_t(p.cropHeight) * p.cropWidth;
    const int64_t batch = std::clamp<int64_t>(100 * 1024 / std::max<int64_t>(1, pixels), 1, 100);
    requireMemory(batch * explorerForwardBytes(summarize(*model.network), p.cropHeight, p.cropWidth,
                                               /*captureEveryBlock=*/false),
                  availableMemoryBytes(),
                  model.network->config().arch + " at " + std::to_string(p.cropHeight) + "×" +
                      std::to_string(p.cropWidth));
    Dataset blank;
    blank.images = torch::zeros({batch, p.channels, p.cropHeight, p.cropWidth}, torch::kUInt8);
    blank.labels = torch::zeros({batch}, torch::kLong);
    evaluate(*model.network, blank, p.mean, p.std);  // warm-up: allocations, kernels
    const auto start = std::chrono::steady_clock::now();
    evaluate(*model.network, blank, p.mean, p.std);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return seconds / batch;
}

}  // namespace reslens
