#pragma once

// The lesion study for a model named by a request, without LibTorch in the header: the
// app's lesion view starts it from its worker thread.

#include <string>

#include "app/core/models/ModelRequest.h"
#include "app/core/models/ResourceSource.h"
#include "app/core/studies/LesionTypes.h"
#include "model/data/DataSpec.h"

namespace reslens {

// Opens the model (a shipped name, a file, ...) on `device`, loads the data the spec names
// (its test split unless it names one) as the model prepares input, and runs the study.
// Throws InputError (and ConfigError for a broken file).
NamedLesionStudy runLesionStudy(const ResourceSource& resources, const ModelRequest& request,
                                const DataSpec& data, const std::string& device,
                                const LesionOptions& options, const LesionProgress& progress);

}  // namespace reslens
