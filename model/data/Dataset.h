#pragma once

// A labelled image dataset held in memory as uint8 tensors: small enough for the datasets
// ResLens trains on (Fashion-MNIST is 47 MB, CIFAR-10 150 MB), and the fastest to batch.

#include <torch/types.h>

#include <string>
#include <vector>

#include "model/data/Split.h"

namespace reslens {

struct Dataset {
    std::string name;                     // e.g. "fashion-mnist:train"
    torch::Tensor images;                 // uint8 [N, C, H, W]
    torch::Tensor labels;                 // int64 [N]
    std::vector<std::string> classNames;  // one per class

    int64_t size() const { return labels.defined() ? labels.size(0) : 0; }
    int channels() const { return static_cast<int>(images.size(1)); }
    int height() const { return static_cast<int>(images.size(2)); }
    int width() const { return static_cast<int>(images.size(3)); }
    int classes() const { return static_cast<int>(classNames.size()); }
};

}  // namespace reslens
