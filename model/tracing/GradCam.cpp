#include "model/tracing/GradCam.h"

#include <torch/torch.h>

#include "model/network/ResNet.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

// The number of blocks that run before the target's activation: 0 for the stem.
size_t blocksBefore(const ResNetImpl& network, const std::string& target) {
    if (target == kStemTarget) {
        return 0;
    }
    const auto& blocks = network.blocks();
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (blocks[i]->info().name == target) {
            return i + 1;
        }
    }
    throw InputError("no block '" + target + "' in " + network.config().arch + " (" + kStemTarget +
                     (blocks.empty() ? std::string()
                                     : ", " + blocks.front()->info().name + " ... " +
                                           blocks.back()->info().name) +
                     ")");
}

// Puts the network back in training mode if it was, whatever happens in between.
class EvalScope {
public:
    explicit EvalScope(ResNetImpl& network)
        : network_(network), wasTraining_(network.is_training()) {
        network_.eval();
    }
    ~EvalScope() { network_.train(wasTraining_); }
    EvalScope(const EvalScope&) = delete;
    EvalScope& operator=(const EvalScope&) = delete;

private:
    ResNetImpl& network_;
    bool wasTraining_;
};

}  // namespace

GradCam computeGradCam(ResNetImpl& network, const torch::Tensor& input, const std::string& target,
                       int64_t classIndex) {
    if (input.dim() != 4 || input.size(0) != 1) {
        throw InputError("Grad-CAM takes one image, a [1, C, H, W] tensor");
    }
    const size_t start = blocksBefore(network, target);
    const int64_t classes = network.fc->weight.size(0);
    if (classIndex >= classes) {
        throw InputError("class " + std::to_string(classIndex) + ": the model has " +
                         std::to_string(classes) + " classes (0.." + std::to_string(classes - 1) +
                         ")");
    }
    EvalScope eval(network);
    // Callers may be inside InferenceMode (the explorer's classify); a graph needs it off.
    c10::InferenceMode normalMode(false);
    const auto& blocks = network.blocks();

    // Up to the target without a graph; the activation then becomes the graph's only leaf,
    // so the gradient reaches it alone and no parameter's .grad is written.
    torch::Tensor activation;
    {
        torch::NoGradGuard noGrad;
        torch::Tensor x = network.stem(input);
        for (size_t i = 0; i < start; ++i) {
            x = blocks[i]->forward(x);
        }
        activation = x.detach().clone().requires_grad_(true);
    }
    torch::AutoGradMode withGrad(true);
    torch::Tensor x = activation;
    for (size_t i = start; i < blocks.size(); ++i) {
        x = blocks[i]->forward(x);
    }
    const torch::Tensor logits = network.head(x).select(0, 0);

    GradCam result;
    result.classIndex = classIndex >= 0 ? classIndex : logits.argmax().item<int64_t>();
    const torch::Tensor gradient =
        torch::autograd::grad({logits[result.classIndex]}, {activation})[0].select(0, 0);
    const torch::Tensor maps = activation.detach().select(0, 0);
    result.weights = gradient.mean({1, 2});
    result.cam = torch::relu((result.weights.view({-1, 1, 1}) * maps).sum(0))
                     .to(torch::kCPU, torch::kFloat)
                     .contiguous();
    result.weights = result.weights.to(torch::kCPU, torch::kFloat);
    result.logits = logits.detach().to(torch::kCPU, torch::kFloat);
    result.probability =
        torch::softmax(result.logits.to(torch::kDouble), 0)[result.classIndex].item<double>();
    return result;
}

}  // namespace reslens
