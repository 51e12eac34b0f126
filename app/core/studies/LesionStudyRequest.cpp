#include "app/core/studies/LesionStudyRequest.h"

#include <torch/torch.h>

#include "app/core/runtime/ComputeThreads.h"
#include "app/core/studies/LesionStudy.h"
#include "app/core/studies/StudySubject.h"

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
