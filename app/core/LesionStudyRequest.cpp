#include "app/core/LesionStudyRequest.h"

#include <torch/torch.h>

#include <filesystem>

#include "app/core/ComputeThreads.h"
#include "app/core/LesionStudy.h"
#include "app/core/ModelCatalog.h"
#include "app/core/ModelEvaluation.h"
#include "model/runtime/DeviceSelection.h"

namespace reslens {

NamedLesionStudy runLesionStudy(const ResourceSource& resources, const ModelRequest& request,
                                const DataSpec& data, const std::string& device,
                                const LesionOptions& options, const LesionProgress& progress) {
    ComputeThreads::Scope threads;
    LoadedModel model = ModelCatalog(resources).open(request);
    model.network->to(parseDevice(device));
    model.network->eval();
    checkLesionOptions(*model.network, options);
    const Dataset dataset = loadDataFor(model.metadata, data);
    NamedLesionStudy study;
    study.arch = model.metadata.config.arch;
    study.title =
        std::filesystem::path(request.location).filename().string() + " (" + study.arch + ")";
    study.data = dataset.name;
    study.result = runLesionStudy(model, dataset, options, progress);
    return study;
}

}  // namespace reslens
