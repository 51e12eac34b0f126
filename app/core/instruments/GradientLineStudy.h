#pragma once

// The shattered-gradients instrument for a model named by a request: its derivative along a
// line through input space beside that of a freshly initialised network of the same
// architecture, and the depth sweep of fresh networks (docs/cli.md, gradient-line). LibTorch
// stays in the .cpp: the app's view starts these from its runner's thread.

#include <string>

#include "app/core/instruments/GradientLineTypes.h"
#include "app/core/instruments/InstrumentProgress.h"
#include "app/core/models/ModelRequest.h"
#include "app/core/models/ResourceSource.h"

namespace reslens {

// Checks what can be checked before any model is opened (points, an input named). Throws
// InputError.
void checkGradientLineOptions(const GradientLineOptions& options);

// Throws InputError (bad options, an image or data that cannot be read or does not fit).
GradientLineResult runGradientLine(const ResourceSource& resources, const ModelRequest& request,
                                   const GradientLineOptions& options, const std::string& device,
                                   const InstrumentProgress& progress = {});

// Fresh resnet20/56/110 and plain20/56/110, sized to the model's input and classes, on the
// model's line (the same x0, direction and statistics).
DepthSweepResult runDepthSweep(const ResourceSource& resources, const ModelRequest& request,
                               const GradientLineOptions& options, const std::string& device,
                               const InstrumentProgress& progress = {});

}  // namespace reslens
