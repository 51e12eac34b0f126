#include "model/training/BatchSampler.h"

#include <torch/torch.h>

#include <algorithm>
#include <numeric>

namespace reslens {

BatchSampler::BatchSampler(const Dataset& data, const TrainingOptions& options)
    : data_(data),
      options_(options),
      batch_(std::min<int64_t>(options.batch, data.size())),
      random_(options.seed) {
    order_.resize(static_cast<size_t>(data.size()));
    std::iota(order_.begin(), order_.end(), 0);
    reshuffle();
    const auto floats = torch::TensorOptions().dtype(torch::kFloat);
    mean_ = torch::tensor(options.mean, floats).view({1, -1, 1, 1});
    std_ = torch::tensor(options.std, floats).view({1, -1, 1, 1});
}

void BatchSampler::reshuffle() {
    std::shuffle(order_.begin(), order_.end(), random_);
    position_ = 0;
}

double BatchSampler::epochProgress() const {
    return static_cast<double>(epoch_) +
           static_cast<double>(position_) / static_cast<double>(std::max<size_t>(1, order_.size()));
}

Batch BatchSampler::next() {
    // Whole batches only: the remainder of an epoch starts the next one's shuffle.
    if (position_ + static_cast<size_t>(batch_) > order_.size()) {
        ++epoch_;
        reshuffle();
    }
    Batch batch;
    batch.indices.assign(order_.begin() + static_cast<std::ptrdiff_t>(position_),
                         order_.begin() + static_cast<std::ptrdiff_t>(position_ + batch_));
    position_ += static_cast<size_t>(batch_);
    const torch::Tensor index = torch::tensor(batch.indices, torch::kLong);
    torch::Tensor images = data_.images.index_select(0, index);
    batch.labels = data_.labels.index_select(0, index);

    if (options_.augment && (options_.cropPadding > 0 || options_.horizontalFlip)) {
        const int64_t p = options_.cropPadding, h = images.size(2), w = images.size(3);
        const torch::Tensor padded =
            p > 0 ? torch::constant_pad_nd(images, {p, p, p, p}, 0) : images;
        torch::Tensor augmented = torch::empty_like(images);
        std::uniform_int_distribution<int64_t> offset(0, 2 * p);
        std::bernoulli_distribution flip(0.5);
        for (int64_t b = 0; b < images.size(0); ++b) {
            const int64_t dy = offset(random_), dx = offset(random_);
            torch::Tensor crop = padded[b].narrow(1, dy, h).narrow(2, dx, w);
            if (options_.horizontalFlip && flip(random_)) {
                crop = crop.flip({2});
            }
            augmented[b].copy_(crop);
        }
        images = augmented;
    }
    batch.inputs = images.to(torch::kFloat).div_(255).sub_(mean_).div_(std_);
    return batch;
}

}  // namespace reslens
