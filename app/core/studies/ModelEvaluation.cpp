#include "app/core/studies/ModelEvaluation.h"

#include <torch/torch.h>

#include "app/core/training/DataLoading.h"
#include "model/runtime/InputError.h"

namespace reslens {

Dataset loadDataFor(const ModelMetadata& model, DataSpec spec) {
    if (!spec.splitGiven) {
        spec = spec.withSplit(Split::Test);
    }
    Dataset data = loadData(spec, model.preprocessing);
    const ResNetConfig& c = model.config;
    if (data.channels() != c.inChannels || data.height() != c.inputHeight ||
        data.width() != c.inputWidth) {
        throw InputError(data.name + " has " + std::to_string(data.channels()) + "x" +
                         std::to_string(data.height()) + "x" + std::to_string(data.width()) +
                         " images; the model takes " + std::to_string(c.inChannels) + "x" +
                         std::to_string(c.inputHeight) + "x" + std::to_string(c.inputWidth));
    }
    if (data.classes() > c.classes) {
        throw InputError(data.name + " has " + std::to_string(data.classes()) +
                         " classes; the model knows " + std::to_string(c.classes));
    }
    return data;
}

ModelEvaluation evaluateModel(LoadedModel& model, const DataSpec& spec) {
    const Dataset data = loadDataFor(model.metadata, spec);
    const Preprocessing& p = model.metadata.preprocessing;
    return {data.name, evaluate(*model.network, data, p.mean, p.std)};
}

}  // namespace reslens
