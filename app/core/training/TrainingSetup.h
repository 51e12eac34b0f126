#pragma once

// A training recipe made real: the data loaded, the architecture fitted to it, the engine's
// options, the networks built from the recipe's seed on its device (the plain twin from the
// same weights when asked), and each network's metadata with its provenance. reslens-cli's
// train and compare and the app's lab all start here.

#include <optional>
#include <string>
#include <vector>

#include "app/core/training/TrainingRecipe.h"
#include "model/data/Dataset.h"
#include "model/files/ModelMetadata.h"
#include "model/network/ResNet.h"

namespace reslens {

struct PreparedTraining {
    Dataset data;                 // the training split (the recipe's subset applied)
    std::optional<Dataset> test;  // the test split, when asked for and the data has one
    ResNetConfig config;          // fitted to the data
    Preprocessing preprocessing;
    TrainingOptions options;
    int64_t totalSteps = 0;
    std::vector<ResNet> networks;         // the network, then its plain twin if asked for
    std::vector<ModelMetadata> metadata;  // one per network
    std::vector<std::string> blockNames;  // in forward order
};

// Throws InputError naming what is wrong (data, a flag that does not fit the data, an
// impossible recipe, a device this LibTorch cannot use).
PreparedTraining prepareTraining(const TrainingRecipe& recipe, bool loadTestSplit);

// The architecture fitted to data of this shape: channels, input size and classes come from
// the data; a value the recipe says was given must agree. Throws InputError.
ResNetConfig fitArchitecture(const TrainingRecipe& recipe, int channels, int height, int width,
                             int classes);

}  // namespace reslens
