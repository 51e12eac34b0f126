#pragma once

// Linear CKA between the outputs of every pair of blocks (the stem's included) over the first
// N images of a split (docs/cli.md, similarity). Greff et al. 2017 read a ResNet's blocks
// within a stage as refining one representation; the matrix shows whether a network does.

#include <cstdint>
#include <string>

#include "app/core/instruments/InstrumentProgress.h"
#include "app/core/instruments/SimilarityTypes.h"
#include "app/core/models/ModelRequest.h"
#include "app/core/models/ResourceSource.h"
#include "model/data/DataSpec.h"

namespace reslens {

// The samples (its test split unless the spec names one). Throws InputError, also when the
// block outputs of that many images would not fit in the memory that is free.
SimilarityResult runSimilarity(const ResourceSource& resources, const ModelRequest& request,
                               const DataSpec& data, int64_t samples, const std::string& device,
                               const InstrumentProgress& progress = {});

}  // namespace reslens
