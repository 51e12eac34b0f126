#include "model/tracing/Classifier.h"

#include <torch/torch.h>

#include "model/tracing/BlockStatisticsProbe.h"

namespace reslens {

std::vector<Prediction> classify(ResNetImpl& network, const torch::Tensor& batch, int topK) {
    torch::InferenceMode inference;
    network.eval();
    const auto device = network.fc->weight.device();
    BlockStatisticsProbe probe(network);
    const torch::Tensor logits = network.forward(batch.to(device));
    const int64_t k = std::min<int64_t>(std::max(topK, 1), logits.size(1));
    // One transfer for everything the caller needs.
    const torch::Tensor probabilities = torch::softmax(logits, 1);
    const auto [topValues, topIndices] = probabilities.topk(k, 1);
    const torch::Tensor logitsCpu = logits.to(torch::kCPU, torch::kFloat).contiguous();
    const torch::Tensor valuesCpu = topValues.to(torch::kCPU, torch::kDouble).contiguous();
    const torch::Tensor indicesCpu = topIndices.to(torch::kCPU).contiguous();
    NetworkStatistics statistics = probe.collect();

    std::vector<Prediction> predictions(static_cast<size_t>(batch.size(0)));
    for (size_t i = 0; i < predictions.size(); ++i) {
        Prediction& p = predictions[i];
        const float* row = logitsCpu[static_cast<int64_t>(i)].data_ptr<float>();
        p.logits.assign(row, row + logitsCpu.size(1));
        for (int64_t j = 0; j < k; ++j) {
            p.top.push_back({indicesCpu[static_cast<int64_t>(i)][j].item<int64_t>(),
                             valuesCpu[static_cast<int64_t>(i)][j].item<double>()});
        }
        p.blocks = std::move(statistics[i]);
    }
    return predictions;
}

}  // namespace reslens
