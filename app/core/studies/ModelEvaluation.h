#pragma once

// A model's accuracy and loss on a dataset split (the test split unless the spec names
// one), for every face that evaluates: `reslens-cli evaluate` today, the lesion study next.

#include <string>

#include "model/data/DataSpec.h"
#include "model/files/ModelFile.h"
#include "model/training/Evaluation.h"

namespace reslens {

// The data that fits the model: loaded as the model prepares its input, checked for its
// shape and classes. Throws InputError naming the mismatch.
Dataset loadDataFor(const ModelMetadata& model, DataSpec spec);

struct ModelEvaluation {
    std::string data;  // e.g. "fashion-mnist:test"
    EvaluationResult result;
};

// On the network's device, in inference mode. Throws InputError.
ModelEvaluation evaluateModel(LoadedModel& model, const DataSpec& spec);

}  // namespace reslens
