#pragma once

// Loads any `--data SPEC`: the engine's own readers for Fashion-MNIST and CIFAR-10, and
// image folders (one sub-folder per class), which need decoding and so live here.

#include <string>

#include "model/data/DataSpec.h"
#include "model/data/Dataset.h"
#include "model/data/DatasetFromSpec.h"  // preprocessingFor
#include "model/data/Preprocessing.h"

namespace reslens {

// Folder images are decoded and prepared as `folderPreprocessing` says (channels, resize,
// crop; no normalisation: the dataset holds uint8 pixels). Throws InputError.
Dataset loadDataset(const DataSpec& spec, const Preprocessing& folderPreprocessing);

// sub-folder name -> class, in sorted order; every decodable image inside. Throws InputError
// for a folder without classes or images, or for an image that cannot be read.
Dataset loadImageFolder(const std::string& directory, const Preprocessing& preprocessing);

}  // namespace reslens
