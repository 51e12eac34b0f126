#include "app/core/LesionStudyRequest.h"

#include <torch/torch.h>

#include "app/core/ComputeThreads.h"
#include "app/core/LesionStudy.h"
#include "app/core/StudySubject.h"

namespace reslens {

NamedLesionStudy runLesionStudy(const ResourceSource& resources, const ModelRequest& request,
                                const DataSpec& data, const std::string& device,
                                const LesionOptions& options, const LesionProgress& progress) {
    ComputeThreads::Scope threads;
    StudySubject subject = openStudySubject(resources, request, data, device);
    NamedLesionStudy study;
    study.arch = subject.model.metadata.config.arch;
    study.title = subject.title;
    study.data = subject.data.name;
    study.result = runLesionStudy(subject.model, subject.data, options, progress);
    return study;
}

}  // namespace reslens
