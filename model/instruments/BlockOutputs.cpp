#include "model/instruments/BlockOutputs.h"

#include <torch/torch.h>

namespace reslens {

std::vector<std::string> blockOutputNames(const ResNetImpl& network) {
    std::vector<std::string> names = {"stem"};
    for (const auto& block : network.blocks()) {
        names.push_back(block->info().name);
    }
    return names;
}

std::vector<int> blockOutputStages(const ResNetImpl& network) {
    std::vector<int> stages = {0};
    for (const auto& block : network.blocks()) {
        stages.push_back(block->info().stageIndex + 1);
    }
    return stages;
}

torch::Tensor forwardVisitingBlocks(
    ResNetImpl& network, const torch::Tensor& x,
    const std::function<void(size_t index, const torch::Tensor& output)>& visit) {
    torch::Tensor h = network.stem(x);
    visit(0, h);
    size_t index = 1;
    for (const auto& block : network.blocks()) {
        h = block->forward(h);
        visit(index++, h);
    }
    return network.head(h);
}

}  // namespace reslens
