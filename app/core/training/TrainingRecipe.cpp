#include "app/core/training/TrainingRecipe.h"

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
    recipe.training.steps = steps;
    recipe.training.batch = batch;
    recipe.training.learningRate = learningRate;
    recipe.training.schedule = LearningRateSchedule::Cosine;
    recipe.training.warmupSteps = std::max<int64_t>(1, steps / 10);
    recipe.training.weightDecay = 5e-4;
    recipe.training.seed = seed;
    recipe.source = "ResLens training lab";
    return recipe;
}

TrainingOptions TrainingRecipe::options(const Preprocessing& preprocessing) const {
    TrainingOptions o = training;
    o.cropPadding = cropPadding ? *cropPadding : cropPaddingFor(preprocessing.cropHeight);
    o.mean = preprocessing.mean;
    o.std = preprocessing.std;
    o.validate();
    return o;
}

}  // namespace reslens
