#include "app/core/LandscapeRequest.h"

#include <torch/torch.h>

#include <filesystem>

#include "app/core/ComputeThreads.h"
#include "app/core/LossLandscape.h"
#include "app/core/ModelCatalog.h"
#include "app/core/ModelEvaluation.h"
#include "model/runtime/DeviceSelection.h"

namespace reslens {

NamedLandscape runLandscape(const ResourceSource& resources, const ModelRequest& request,
                            const DataSpec& data, const std::string& device,
                            const LandscapeOptions& options, const LandscapeProgress& progress) {
    ComputeThreads::Scope threads;
    LoadedModel model = ModelCatalog(resources).open(request);
    model.network->to(parseDevice(device));
    DataSpec spec = data;
    if (!spec.splitGiven) {
        spec = spec.withSplit(Split::Train);
    }
    const Dataset dataset = loadDataFor(model.metadata, spec);
    NamedLandscape named;
    named.arch = model.metadata.config.arch;
    named.title =
        std::filesystem::path(request.location).filename().string() + " (" + named.arch + ")";
    named.data = dataset.name;
    named.result = runLandscape(model, dataset, options, progress);
    return named;
}

}  // namespace reslens
