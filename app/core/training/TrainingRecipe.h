#pragma once

// Everything that decides a training run, in plain values: the architecture, the data, the
// optimiser's recipe, the seed and the device. `reslens-cli train/compare` fill it from
// their flags, the lab from its controls (forLab); TrainingSetup turns it into networks,
// TrainingOptions and model metadata, the same way for both.

#include <cstdint>
#include <optional>
#include <string>

#include "model/data/DataSpec.h"
#include "model/data/Preprocessing.h"
#include "model/network/ResNetConfig.h"
#include "model/training/TrainingOptions.h"

namespace reslens {

struct TrainingRecipe {
    ResNetConfig architecture;
    // Input channels, size and classes come from the data unless these say they were given
    // (then they must agree with it).
    bool inChannelsGiven = false;
    bool classesGiven = false;
    bool inputGiven = false;
    DataSpec data;
    int64_t subset = 0;  // only the first N training images (0: all)

    // Length, optimiser, schedule, augmentation and seed. Its crop padding, mean and std are
    // replaced by options(): they follow from the data.
    TrainingOptions training;
    std::optional<int> cropPadding;  // default: cropPaddingFor(the crop height)
    std::string device = "cpu";

    bool withPlainTwin = false;  // also train the no-skip twin, same start, same batches
    std::string source;          // provenance: "reslens-cli train", "ResLens training lab"
    std::string commandLine;     // provenance, when a command started it

    // The lab's recipe: cosine to a low rate at the end of a short run, a linear warm-up
    // over the first tenth (deep plain networks take the full rate badly at first; He et al.
    // 2015 warmed ResNet-110 up at 0.01), weight decay 5e-4.
    static TrainingRecipe forLab(const ResNetConfig& architecture, const DataSpec& data,
                                 int64_t steps, int batch, double learningRate, uint64_t seed);

    // The engine's options for this recipe, for data prepared as `preprocessing` says (its
    // mean and std, its crop size for the crop padding). Throws InputError.
    TrainingOptions options(const Preprocessing& preprocessing) const;
};

// Random crops pad by 4 pixels on 32x32 CIFAR images (He et al. 2015 §4.2) and by 2 on
// Fashion-MNIST's 28x28: the same share of the image.
int cropPaddingFor(int inputHeight);

}  // namespace reslens
