#include "model/training/Evaluation.h"

#include <torch/torch.h>

namespace reslens {

torch::Tensor normalizedImages(const Dataset& data, int64_t start, int64_t n,
                               const torch::Tensor& mean, const torch::Tensor& std) {
    return data.images.narrow(0, start, n)
        .to(mean.device())
        .to(torch::kFloat)
        .div_(255)
        .sub_(mean)
        .div_(std);
}

EvaluationResult evaluate(ResNetImpl& network, const Dataset& data, const std::vector<double>& mean,
                          const std::vector<double>& std, int batch) {
    torch::InferenceMode inference;
    network.eval();
    const auto device = network.fc->weight.device();
    const auto floats = torch::TensorOptions().dtype(torch::kFloat).device(device);
    const torch::Tensor meanT = torch::tensor(mean, floats).view({1, -1, 1, 1});
    const torch::Tensor stdT = torch::tensor(std, floats).view({1, -1, 1, 1});
    double lossSum = 0;
    int64_t correct = 0;
    for (int64_t start = 0; start < data.size(); start += batch) {
        const int64_t n = std::min<int64_t>(batch, data.size() - start);
        const torch::Tensor inputs = normalizedImages(data, start, n, meanT, stdT);
        const torch::Tensor labels = data.labels.narrow(0, start, n).to(device);
        const torch::Tensor logits = network.forward(inputs);
        lossSum += torch::cross_entropy_loss(logits, labels, {}, at::Reduction::Sum).item<double>();
        correct += logits.argmax(1).eq(labels).sum().item<int64_t>();
    }
    EvaluationResult result;
    result.samples = data.size();
    if (result.samples > 0) {
        result.accuracy = static_cast<double>(correct) / static_cast<double>(result.samples);
        result.loss = lossSum / static_cast<double>(result.samples);
    }
    return result;
}

}  // namespace reslens
