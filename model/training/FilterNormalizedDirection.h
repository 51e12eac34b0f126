#pragma once

// A random direction in weight space, filter-normalised as Li, Xu, Taylor, Studer and
// Goldstein 2018 ("Visualizing the loss landscape of neural nets", §4) prescribe, so that
// slices of networks with different weight scales can be compared: Gaussian entries, then
// every filter (output channel) of every convolution and linear weight rescaled to the norm
// of the same filter of the trained weights, d_i <- d_i / ||d_i|| * ||theta_i||. 1-D
// parameters (biases, batch norm's weight and bias) get zero: the paper leaves them alone.
// Batch norm's running statistics are buffers, never touched.

#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace reslens {

class ResNetImpl;

// One tensor per parameter, in named_parameters() order, on each parameter's device.
// `count` directions from one seeded generator (a 2-D slice takes two), the same for a seed
// on every run.
std::vector<std::vector<torch::Tensor>> filterNormalizedDirections(const ResNetImpl& network,
                                                                   uint64_t seed, int count);

}  // namespace reslens
