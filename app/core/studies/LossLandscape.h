#pragma once

// Loss-landscape slices (Li et al. 2018, §4-5): the loss and accuracy of a trained network
// at theta + alpha d (1-D) or theta + alpha d + beta e (2-D), d and e seeded random
// filter-normalised directions (FilterNormalizedDirection), on the first N images of a
// split, in eval mode. The weights are bit-identical afterwards, also after a cancel or an
// error (WeightPerturbation). For reslens-cli landscape and the app's landscape view.

#include <cstdint>

#include "app/core/studies/LandscapeTypes.h"
#include "model/data/Dataset.h"
#include "model/files/ModelFile.h"

namespace reslens {

// Throws InputError: an even point count (0 must be a point), fewer than 1 or more than
// 1001 points, samples below 1 or above what the data holds, a range not above 0.
void checkLandscapeOptions(const LandscapeOptions& options, int64_t available);

// The coefficients of the slice: `points` evenly spaced in [-range, range], 0 exact.
std::vector<double> landscapeCoefficients(int points, double range);

LandscapeResult runLandscape(LoadedModel& model, const Dataset& data,
                             const LandscapeOptions& options,
                             const LandscapeProgress& progress = {});

// The slice's directions as torch.load reads them: {"direction0": {parameter name: tensor},
// "direction1": ... (2-D only)}, so that an outside evaluation can walk the same slice.
std::vector<char> landscapeDirectionsFile(const LoadedModel& model,
                                          const LandscapeOptions& options);

}  // namespace reslens
