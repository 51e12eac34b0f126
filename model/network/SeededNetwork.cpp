#include "model/network/SeededNetwork.h"

#include <torch/torch.h>

#include <mutex>

namespace reslens {

ResNet seededResNet(const ResNetConfig& config, uint64_t seed) {
    static std::mutex generator;
    const std::lock_guard<std::mutex> lock(generator);
    torch::manual_seed(seed);
    return ResNet(config);
}

}  // namespace reslens
