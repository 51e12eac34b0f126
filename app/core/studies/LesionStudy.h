#pragma once

// The lesion study of Veit, Wilber and Belongie 2016: a trained network evaluated with each
// residual block bypassed in turn (LesionMask), and with k random blocks bypassed at once.
// Residual networks barely notice losing one block, except where it downsamples; plain
// networks fall to chance. One implementation for `reslens-cli lesion` and the app's
// lesion view, which starts it through LesionStudyRequest.h. The plain types are in
// LesionTypes.h.

#include <cstdint>
#include <vector>

#include "app/core/studies/LesionTypes.h"
#include "model/data/Dataset.h"
#include "model/files/ModelFile.h"

namespace reslens {

// Throws InputError for a model without residual blocks, an unknown block name, randomK
// above the number of candidate blocks or below 0, or fewer than one trial.
void checkLesionOptions(const ResNetImpl& network, const LesionOptions& options);

// On the network's device, in inference mode; the network's own mask is restored after.
// Throws InputError (checkLesionOptions).
LesionStudyResult runLesionStudy(LoadedModel& model, const Dataset& data,
                                 const LesionOptions& options, const LesionProgress& progress = {});

// The k random blocks of one trial: `count` distinct indices below `candidates`, drawn by a
// partial Fisher-Yates shuffle driven by std::mt19937_64 (fully specified by the C++
// standard, so a seed names the same blocks on every platform).
std::vector<std::vector<int>> drawLesions(int candidates, int k, int trials, uint64_t seed);

}  // namespace reslens
