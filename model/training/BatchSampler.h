#pragma once

// Batches for training: a seeded shuffle per epoch, augmentation (random crop from zero
// padding, horizontal flip), normalisation. The sampler owns its random generator, apart
// from LibTorch's, so two networks trained side by side can be fed the very same batches.

#include <torch/types.h>

#include <cstdint>
#include <random>
#include <vector>

#include "model/data/Dataset.h"
#include "model/training/TrainingOptions.h"

namespace reslens {

struct Batch {
    torch::Tensor inputs;          // float [B, C, H, W], normalised
    torch::Tensor labels;          // int64 [B]
    std::vector<int64_t> indices;  // which dataset images, in order
};

class BatchSampler {
public:
    // The dataset must outlive the sampler. Batches larger than the dataset are clamped.
    BatchSampler(const Dataset& data, const TrainingOptions& options);

    Batch next();
    int64_t epoch() const { return epoch_; }
    double epochProgress() const;  // epochs completed, fractional

private:
    void reshuffle();

    const Dataset& data_;
    TrainingOptions options_;
    int64_t batch_;
    std::mt19937_64 random_;
    std::vector<int64_t> order_;
    size_t position_ = 0;
    int64_t epoch_ = 0;
    torch::Tensor mean_;
    torch::Tensor std_;
};

}  // namespace reslens
