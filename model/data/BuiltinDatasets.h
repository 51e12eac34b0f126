#pragma once

// The datasets the engine reads without help: Fashion-MNIST (IDX files, gzipped or raw, as
// Debian's dataset-fashion-mnist installs them) and CIFAR-10 (the binary version's batches).

#include <string>

#include "model/data/DataSpec.h"
#include "model/data/Dataset.h"

namespace reslens {

// The class names of Fashion-MNIST, in label order.
const std::vector<std::string>& fashionMnistClassNames();

// {train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz] in `directory`. Throws InputError.
Dataset loadFashionMnist(const std::string& directory, Split split);

// data_batch_1..5.bin or test_batch.bin (3073-byte records: label, then 32x32 R, G, B
// planes) in `directory`, or in its cifar-10-batches-bin/ sub-folder. Throws InputError.
Dataset loadCifar10(const std::string& directory, Split split);

}  // namespace reslens
