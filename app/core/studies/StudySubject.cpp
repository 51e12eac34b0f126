#include "app/core/studies/StudySubject.h"

#include <torch/torch.h>

#include <filesystem>

#include "app/core/models/ModelCatalog.h"
#include "app/core/studies/ModelEvaluation.h"
#include "model/runtime/DeviceSelection.h"

namespace reslens {

StudySubject openStudySubject(const ResourceSource& resources, const ModelRequest& request,
                              const DataSpec& data, const std::string& device) {
    StudySubject subject;
    subject.model = ModelCatalog(resources).open(request);
    subject.model.network->to(parseDevice(device));
    subject.model.network->eval();
    subject.data = loadDataFor(subject.model.metadata, data);
    subject.title = std::filesystem::path(request.location).filename().string() + " (" +
                    subject.model.metadata.config.arch + ")";
    return subject;
}

}  // namespace reslens
