#pragma once

// A loss-landscape slice for a model named by a request, without LibTorch in the header:
// the app's landscape view runs it on its worker thread.

#include <string>

#include "app/core/models/ModelRequest.h"
#include "app/core/models/ResourceSource.h"
#include "app/core/studies/LandscapeTypes.h"
#include "model/data/DataSpec.h"

namespace reslens {

struct NamedLandscape {
    std::string title;  // e.g. "default (resnet20)"
    std::string arch;
    std::string data;  // e.g. "fashion-mnist:train"
    LandscapeResult result;
};

// Opens the model on `device`, loads the split the spec names (the training split unless
// it names one) and runs the slice. Throws InputError (ConfigError for a broken file).
NamedLandscape runLandscape(const ResourceSource& resources, const ModelRequest& request,
                            const DataSpec& data, const std::string& device,
                            const LandscapeOptions& options, const LandscapeProgress& progress);

// Seconds one landscape point spends per image for this model on this device, measured on a
// short calibration batch through the same evaluation: the view's estimate before a run
// starts (seconds ≈ evaluations × samples × this). Throws as runLandscape does.
double landscapeSecondsPerImage(const ResourceSource& resources, const ModelRequest& request,
                                const std::string& device);

}  // namespace reslens
