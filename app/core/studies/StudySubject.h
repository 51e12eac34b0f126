#pragma once

// What a study of a model (the lesion study, a loss-landscape slice) starts from when a face
// names the model by a request: the model opened on a device in eval mode, the data loaded
// as the model prepares input, and a title for charts, e.g. "default (resnet20)".

#include <string>

#include "app/core/models/ModelRequest.h"
#include "app/core/models/ResourceSource.h"
#include "model/data/DataSpec.h"
#include "model/data/Dataset.h"
#include "model/files/ModelFile.h"

namespace reslens {

struct StudySubject {
    LoadedModel model;
    Dataset data;
    std::string title;
};

// The spec's split, or its test split when it names none (loadDataFor). Throws InputError.
StudySubject openStudySubject(const ResourceSource& resources, const ModelRequest& request,
                              const DataSpec& data, const std::string& device);

}  // namespace reslens
