#include "app/core/TrainingRecipe.h"

#include <algorithm>

namespace reslens {

int cropPaddingFor(int inputHeight) {
    return inputHeight <= 28 ? 2 : 4;
}

TrainingRecipe TrainingRecipe::forLab(const ResNetConfig& architecture, const DataSpec& data,
                                      int64_t steps, int batch, double learningRate,
                                      uint64_t seed) {
    TrainingRecipe recipe;
    recipe.architecture = architecture;
    recipe.data = data;
    recipe.steps = steps;
    recipe.batch = batch;
    recipe.learningRate = learningRate;
    recipe.schedule = LearningRateSchedule::Cosine;
    recipe.warmupSteps = std::max<int64_t>(1, steps / 10);
    recipe.weightDecay = 5e-4;
    recipe.seed = seed;
    recipe.source = "ResLens training lab";
    return recipe;
}

TrainingOptions TrainingRecipe::options(const Preprocessing& preprocessing) const {
    TrainingOptions o;
    o.steps = steps;
    o.epochs = epochs > 0 ? epochs : 1;
    o.batch = batch;
    o.learningRate = learningRate;
    o.momentum = momentum;
    o.weightDecay = weightDecay;
    o.schedule = schedule;
    o.warmupSteps = warmupSteps;
    o.augment = augment;
    o.cropPadding = cropPadding ? *cropPadding : cropPaddingFor(preprocessing.cropHeight);
    o.horizontalFlip = horizontalFlip;
    o.seed = seed;
    o.mean = preprocessing.mean;
    o.std = preprocessing.std;
    o.validate();
    return o;
}

}  // namespace reslens
