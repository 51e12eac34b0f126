#pragma once

// A freshly initialised network's batch norms hold mean 0 and variance 1, which leaves a
// plain network's activations unnormalised in eval mode: whatever an instrument then
// measures depends on the seed more than on the architecture. Giving every batch norm the
// statistics of one training-mode forward of a batch of real inputs, as a trained network
// would have them, measures the architecture at initialisation (Balduzzi et al. 2017 work
// with batch-normalised networks on real inputs).

#include <torch/types.h>

#include "model/network/ResNet.h"

namespace reslens {

// Sets every batch norm's running mean and variance to those of `batch` (PyTorch's: the
// biased mean, the unbiased variance) by one training-mode forward without gradient, then
// leaves the network in eval mode. Weights and biases are untouched.
void setBatchNormStatistics(ResNetImpl& network, const torch::Tensor& batch);

}  // namespace reslens
