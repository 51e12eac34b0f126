#pragma once

// Any `--data SPEC`: Fashion-MNIST and CIFAR-10 always; image folders where the layer was
// built with imaging (OpenCV decodes the images). A build without OpenCV (a GPU machine,
// tools/gpu-check.sh) still trains on the built-in datasets.

#include "model/data/DataSpec.h"
#include "model/data/Dataset.h"
#include "model/data/Preprocessing.h"

namespace reslens {

// Folder images are prepared as `folderPreprocessing` says. Throws InputError for bad data
// and for a folder in a build without imaging.
Dataset loadData(const DataSpec& spec, const Preprocessing& folderPreprocessing);

}  // namespace reslens
