#include "model/training/FilterNormalizedDirection.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include "model/network/ResNet.h"

namespace reslens {

std::vector<std::vector<torch::Tensor>> filterNormalizedDirections(const ResNetImpl& network,
                                                                   uint64_t seed, int count) {
    torch::NoGradGuard noGrad;
    // A generator of its own: the directions depend on the seed alone, not on what else
    // drew from LibTorch's global one (the lab may be training at the same time).
    at::Generator generator = at::detail::createCPUGenerator(seed);
    const auto parameters = network.named_parameters(/*recurse=*/true);
    std::vector<std::vector<torch::Tensor>> directions(static_cast<size_t>(count));
    for (auto& direction : directions) {
        for (const auto& item : parameters) {
            const torch::Tensor& theta = item.value();
            if (theta.dim() <= 1) {
                direction.push_back(torch::zeros_like(theta));
                continue;
            }
            torch::Tensor d = torch::randn(theta.sizes(), generator, torch::kFloat);
            const torch::Tensor t = theta.detach().to(torch::kCPU, torch::kFloat);
            // Per filter: the norm over every dimension but the first.
            const torch::Tensor thetaNorms = t.flatten(1).norm(2, 1);
            const torch::Tensor dNorms = d.flatten(1).norm(2, 1);
            std::vector<int64_t> shape(static_cast<size_t>(theta.dim()), 1);
            shape[0] = theta.size(0);
            d.mul_((thetaNorms / dNorms.clamp_min(1e-12)).view(shape));
            direction.push_back(d.to(theta.device(), theta.scalar_type()));
        }
    }
    return directions;
}

}  // namespace reslens
