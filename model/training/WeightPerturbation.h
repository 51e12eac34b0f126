#pragma once

// Moves a network's weights to theta + alpha d + beta e and back. The trained weights are
// kept as copies and written back when the perturbation ends — also when it ends by an
// exception or a cancel — so the network is bit-identical to before. Parameters only:
// batch norm's running statistics stay as trained (Li et al. 2018 evaluate in eval mode).

#include <torch/types.h>

#include <vector>

namespace reslens {

class ResNetImpl;

class WeightPerturbation {
public:
    // directions: one or two, each one tensor per parameter in named_parameters() order.
    WeightPerturbation(ResNetImpl& network, std::vector<std::vector<torch::Tensor>> directions);
    ~WeightPerturbation();
    WeightPerturbation(const WeightPerturbation&) = delete;
    WeightPerturbation& operator=(const WeightPerturbation&) = delete;

    // theta + coefficients[0] d + coefficients[1] e (one coefficient per direction).
    void moveTo(const std::vector<double>& coefficients);
    void restore();

private:
    std::vector<torch::Tensor> parameters_;
    std::vector<torch::Tensor> trained_;
    std::vector<std::vector<torch::Tensor>> directions_;
};

}  // namespace reslens
