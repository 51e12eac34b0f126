#pragma once

// The native ResNet family, laid out like torchvision's ResNet so that state_dict keys
// match exactly: conv1, bn1, layer1..layerN (blocks "0", "1", ...), fc. One ResNetConfig
// describes every variant (see ResNetConfig.h).

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/pooling.h>

#include <memory>
#include <string>
#include <vector>

#include "model/network/FoldedConvolution.h"
#include "model/network/ResNetConfig.h"
#include "model/network/ResidualBlock.h"

namespace reslens {

class ResNetImpl : public torch::nn::Module {
public:
    // Validates the configuration (throws ConfigError) and initialises the weights as
    // torchvision does: Kaiming-normal (fan_out, ReLU) convolutions, BN weight 1 bias 0,
    // PyTorch's default for the classifier.
    explicit ResNetImpl(const ResNetConfig& config);

    // forward = head(blocks(stem(x))); the parts alone serve Grad-CAM, which starts the
    // graph at one activation.
    torch::Tensor forward(const torch::Tensor& x);
    torch::Tensor stem(const torch::Tensor& input);     // conv1, BN, ReLU (, max-pool)
    torch::Tensor head(const torch::Tensor& features);  // (final BN-ReLU,) pool, fc

    // The inference fast path of the stem and of every block (ResidualBlock.h): on by
    // default, taken by eval-mode forwards without gradient.
    void setFastInference(bool enabled);

    const ResNetConfig& config() const { return config_; }
    const std::vector<std::shared_ptr<ResidualBlockImpl>>& blocks() const { return blocks_; }
    // nullptr when there is no block of that name.
    std::shared_ptr<ResidualBlockImpl> block(const std::string& name) const;

    torch::nn::Conv2d conv1{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr};
    torch::nn::MaxPool2d maxpool{nullptr};  // ImageNet family only
    std::vector<torch::nn::ModuleList> layers;
    torch::nn::BatchNorm2d finalBn{nullptr};  // pre-activation networks end with BN-ReLU
    torch::nn::Linear fc{nullptr};

private:
    void buildStem();
    void buildStages();
    void initializeWeights();

    ResNetConfig config_;
    std::vector<std::shared_ptr<ResidualBlockImpl>> blocks_;
    bool fastInference_ = true;
    FoldedConvolution foldedStem_;
};
TORCH_MODULE(ResNet);

// The stage names of the paper's Table 1: conv2_x for the first residual stage.
std::string stageName(int stageIndex);

}  // namespace reslens
