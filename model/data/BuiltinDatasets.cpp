#include "model/data/BuiltinDatasets.h"

#include <sys/stat.h>

#include <torch/torch.h>

#include <cstring>

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
    constexpr size_t kRecord = 1 + 3 * 32 * 32;
    std::vector<torch::Tensor> images, labels;
    for (const std::string& file : files) {
        const std::vector<char> bytes = readFileBytes(file, size_t(1) << 28);
        if (bytes.size() % kRecord != 0) {
            throw InputError("'" + file + "' is not a CIFAR-10 binary batch (" +
                             std::to_string(bytes.size()) + " bytes is not a whole number of " +
                             "3073-byte records)");
        }
        const int64_t n = static_cast<int64_t>(bytes.size() / kRecord);
        torch::Tensor records = torch::empty({n, static_cast<int64_t>(kRecord)}, torch::kUInt8);
        std::memcpy(records.data_ptr<uint8_t>(), bytes.data(), bytes.size());
        const torch::Tensor batchLabels = records.select(1, 0).to(torch::kLong);
        if (batchLabels.max().item<int64_t>() >= 10) {
            throw InputError("'" + file + "' has labels beyond CIFAR-10's 10 classes");
        }
        labels.push_back(batchLabels);
        images.push_back(records.narrow(1, 1, 3072).reshape({n, 3, 32, 32}));
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
