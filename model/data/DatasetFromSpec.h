#pragma once

// The built-in datasets (Fashion-MNIST, CIFAR-10) named by a DataSpec, and the preprocessing
// a model trained on a spec's data applies to its input. No OpenCV: image folders are
// imaging/DatasetLoading's.

#include "model/data/DataSpec.h"
#include "model/data/Dataset.h"
#include "model/data/Preprocessing.h"

namespace reslens {

// Throws InputError for bad files, and for a folder spec (not built in).
Dataset loadBuiltinDataset(const DataSpec& spec);

// Fashion-MNIST's, CIFAR-10's, or for folders the usual one for the given input shape.
Preprocessing preprocessingFor(const DataSpec& spec, int channels, int height, int width);

}  // namespace reslens
