#include "model/instruments/BlockFeatures.h"

#include <torch/torch.h>

#include <algorithm>

#include "model/instruments/BlockOutputs.h"
#include "model/training/Evaluation.h"

namespace reslens {

BlockFeatures collectBlockFeatures(ResNetImpl& network, const Dataset& data, int64_t n,
                                   const std::vector<double>& mean, const std::vector<double>& std,
                                   FeatureReduction reduction, int64_t batch,
                                   const std::function<bool(int64_t, int64_t)>& progress) {
    torch::NoGradGuard noGrad;
    network.eval();
    const torch::Device device = network.parameters().front().device();
    const auto perChannel = [&](const std::vector<double>& values) {
        return torch::tensor(values, torch::kFloat32).view({1, -1, 1, 1}).to(device);
    };
    const torch::Tensor meanTensor = perChannel(mean);
    const torch::Tensor stdTensor = perChannel(std);
    n = std::min(n, data.size());
    const size_t outputs = network.blocks().size() + 1;
    std::vector<std::vector<torch::Tensor>> parts(outputs);
    std::vector<torch::Tensor> logits;
    for (int64_t first = 0; first < n; first += batch) {
        const int64_t count = std::min(batch, n - first);
        const torch::Tensor x = normalizedImages(data, first, count, meanTensor, stdTensor);
        logits.push_back(
            forwardVisitingBlocks(network, x, [&](size_t index, const torch::Tensor& output) {
                torch::Tensor kept = reduction == FeatureReduction::GlobalAveragePool
                                         ? output.mean({2, 3})
                                         : output.flatten(1);
                parts[index].push_back(kept.to(torch::kCPU, torch::kFloat32).contiguous());
            }).to(torch::kCPU));
        if (progress && !progress(first + count, n)) {
            break;
        }
    }
    BlockFeatures features;
    for (auto& blockParts : parts) {
        features.outputs.push_back(blockParts.empty() ? torch::Tensor() : torch::cat(blockParts));
        blockParts.clear();
    }
    features.logits = logits.empty() ? torch::Tensor() : torch::cat(logits);
    return features;
}

}  // namespace reslens
