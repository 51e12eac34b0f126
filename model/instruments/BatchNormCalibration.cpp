#include "model/instruments/BatchNormCalibration.h"

#include <torch/torch.h>

#include <type_traits>
#include <vector>

namespace reslens {

void setBatchNormStatistics(ResNetImpl& network, const torch::Tensor& batch) {
    // c10::optional in LibTorch 1.x, std::optional in 2.x.
    using Momentum = std::decay_t<decltype(torch::nn::BatchNormOptions(1).momentum())>;
    std::vector<std::pair<torch::nn::BatchNorm2dImpl*, Momentum>> norms;
    for (const auto& module : network.modules(/*include_self=*/false)) {
        if (auto* bn = module->as<torch::nn::BatchNorm2dImpl>()) {
            norms.emplace_back(bn, bn->options.momentum());
            bn->reset_running_stats();
            // Momentum 1: the running statistics become this batch's exactly.
            bn->options.momentum(1.0);
        }
    }
    {
        torch::NoGradGuard noGrad;
        network.train();
        network.forward(batch);
    }
    network.eval();
    for (auto& [bn, momentum] : norms) {
        bn->options.momentum(momentum);
    }
}

}  // namespace reslens
