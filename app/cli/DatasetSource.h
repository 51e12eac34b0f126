#pragma once

// Datasets for train, compare and evaluate: Fashion-MNIST and CIFAR-10 always; image
// folders where this reslens-cli was built with imaging (OpenCV decodes the images). A
// build without OpenCV (a GPU machine, see tools/gpu-check.sh) still trains.

#include "model/DataSpec.h"
#include "model/Dataset.h"
#include "model/Preprocessing.h"

namespace reslens::cli {

// Throws InputError for bad data, UsageError for a folder in a build without imaging.
Dataset loadData(const DataSpec& spec, const Preprocessing& folderPreprocessing);

}  // namespace reslens::cli
