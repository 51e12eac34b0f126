#include "app/core/LandscapeRequest.h"

#include <torch/torch.h>

#include "app/core/ComputeThreads.h"
#include "app/core/LossLandscape.h"
#include "app/core/StudySubject.h"

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

}  // namespace reslens
