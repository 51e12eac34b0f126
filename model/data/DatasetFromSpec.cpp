#include "model/data/DatasetFromSpec.h"

#include "model/data/BuiltinDatasets.h"
#include "model/runtime/InputError.h"

namespace reslens {

Dataset loadBuiltinDataset(const DataSpec& spec) {
    switch (spec.kind) {
        case DataSpec::Kind::FashionMnist:
            return loadFashionMnist(spec.directory, spec.split);
        case DataSpec::Kind::Cifar10:
            return loadCifar10(spec.directory, spec.split);
        case DataSpec::Kind::Folder:
            break;
    }
    throw InputError("'" + spec.directory + "' is an image folder, not a built-in dataset");
}

Preprocessing preprocessingFor(const DataSpec& spec, int channels, int height, int width) {
    switch (spec.kind) {
        case DataSpec::Kind::FashionMnist:
            return Preprocessing::fashionMnist();
        case DataSpec::Kind::Cifar10:
            return Preprocessing::cifar10();
        case DataSpec::Kind::Folder:
            break;
    }
    return Preprocessing::forInput(channels, height, width);
}

}  // namespace reslens
