#include "model/data/BuiltinDatasets.h"

#include <sys/stat.h>

#include <torch/torch.h>

#include "model/data/CifarFormat.h"
#include "model/data/CompressedFile.h"
#include "model/data/IdxFormat.h"
#include "model/files/FileBytes.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

bool exists(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0;
}

// "name.gz" or "name", whichever is there.
std::string findIdxFile(const std::string& directory, const std::string& name) {
    for (const std::string& candidate : {directory + "/" + name + ".gz", directory + "/" + name}) {
        if (exists(candidate)) {
            return candidate;
        }
    }
    throw InputError("no " + name + "[.gz] in '" + directory + "' (Fashion-MNIST: install " +
                     "dataset-fashion-mnist or name its directory)");
}

}  // namespace

const std::vector<std::string>& fashionMnistClassNames() {
    static const std::vector<std::string> names = {
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return names;
}

Dataset loadFashionMnist(const std::string& directory, Split split) {
    const std::string prefix = split == Split::Train ? "train" : "t10k";
    const std::string imagesPath = findIdxFile(directory, prefix + "-images-idx3-ubyte");
    const std::string labelsPath = findIdxFile(directory, prefix + "-labels-idx1-ubyte");
    const torch::Tensor images = parseIdx(readMaybeGzipped(imagesPath), "'" + imagesPath + "'");
    const torch::Tensor labels = parseIdx(readMaybeGzipped(labelsPath), "'" + labelsPath + "'");
    if (images.dim() != 3) {
        throw InputError("'" + imagesPath + "' holds " + std::to_string(images.dim()) +
                         "-dimensional data, not images");
    }
    if (labels.dim() != 1 || labels.size(0) != images.size(0)) {
        throw InputError("'" + labelsPath + "' has " + std::to_string(labels.size(0)) +
                         " labels for " + std::to_string(images.size(0)) + " images");
    }
    if (labels.max().item<int>() >= 10) {
        throw InputError("'" + labelsPath + "' has labels beyond the 10 classes");
    }
    Dataset dataset;
    dataset.name = std::string("fashion-mnist:") + (split == Split::Train ? "train" : "test");
    dataset.images = images.unsqueeze(1);
    dataset.labels = labels.to(torch::kLong);
    dataset.classNames = fashionMnistClassNames();
    return dataset;
}

Dataset loadCifar10(const std::string& directory, Split split) {
    std::string dir = directory;
    if (!exists(dir + "/test_batch.bin") && exists(dir + "/cifar-10-batches-bin/test_batch.bin")) {
        dir += "/cifar-10-batches-bin";
    }
    std::vector<std::string> files;
    if (split == Split::Train) {
        for (int i = 1; i <= 5; ++i) {
            files.push_back(dir + "/data_batch_" + std::to_string(i) + ".bin");
        }
    } else {
        files.push_back(dir + "/test_batch.bin");
    }
    std::vector<torch::Tensor> images, labels;
    for (const std::string& file : files) {
        const Dataset batch =
            parseCifarBatch(readFileBytes(file, size_t(1) << 28), "'" + file + "'");
        images.push_back(batch.images);
        labels.push_back(batch.labels);
    }
    Dataset dataset;
    dataset.name = std::string("cifar10:") + (split == Split::Train ? "train" : "test");
    dataset.images = torch::cat(images).contiguous();
    dataset.labels = torch::cat(labels);
    dataset.classNames = {"airplane", "automobile", "bird",  "cat",  "deer",
                          "dog",      "frog",       "horse", "ship", "truck"};
    return dataset;
}

}  // namespace reslens
