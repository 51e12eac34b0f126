#include "model/training/WeightPerturbation.h"

#include <torch/torch.h>

#include <stdexcept>

#include "model/network/ResNet.h"

namespace reslens {

WeightPerturbation::WeightPerturbation(ResNetImpl& network,
                                       std::vector<std::vector<torch::Tensor>> directions)
    : directions_(std::move(directions)) {
    torch::NoGradGuard noGrad;
    for (const auto& item : network.named_parameters(/*recurse=*/true)) {
        parameters_.push_back(item.value());
        trained_.push_back(item.value().detach().clone());
    }
    for (const auto& direction : directions_) {
        if (direction.size() != parameters_.size()) {
            throw std::logic_error("a direction needs one tensor per parameter");
        }
    }
}

WeightPerturbation::~WeightPerturbation() {
    restore();
}

void WeightPerturbation::moveTo(const std::vector<double>& coefficients) {
    torch::NoGradGuard noGrad;
    for (size_t p = 0; p < parameters_.size(); ++p) {
        torch::Tensor moved = trained_[p].clone();
        for (size_t k = 0; k < coefficients.size() && k < directions_.size(); ++k) {
            moved.add_(directions_[k][p], coefficients[k]);
        }
        parameters_[p].copy_(moved);
    }
}

void WeightPerturbation::restore() {
    torch::NoGradGuard noGrad;
    for (size_t p = 0; p < parameters_.size(); ++p) {
        parameters_[p].copy_(trained_[p]);  // an exact copy: bit for bit the trained value
    }
}

}  // namespace reslens
