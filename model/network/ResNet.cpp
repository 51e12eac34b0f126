#include "model/network/ResNet.h"

#include <torch/nn/functional/pooling.h>
#include <torch/nn/init.h>

#include "model/network/BasicBlock.h"
#include "model/network/Bottleneck.h"
#include "model/network/Shortcut.h"

namespace reslens {

std::string stageName(int stageIndex) {
    return "conv" + std::to_string(stageIndex + 2) + "_x";
}

ResNetImpl::ResNetImpl(const ResNetConfig& config) : config_(config) {
    config_.validate();
    buildStem();
    buildStages();
    if (config_.preact && config_.batchNorm) {
        finalBn = register_module(
            "final_bn", torch::nn::BatchNorm2d(config_.stageWidths.back() * config_.expansion()));
    }
    fc = register_module(
        "fc", torch::nn::Linear(config_.stageWidths.back() * config_.expansion(), config_.classes));
    initializeWeights();
}

void ResNetImpl::buildStem() {
    const bool bias = !config_.batchNorm;
    const int width = config_.stemChannels();
    conv1 = register_module(
        "conv1",
        torch::nn::Conv2d(torch::nn::Conv2dOptions(config_.inChannels, width, config_.stemKernel)
                              .stride(config_.stemStride)
                              .padding(config_.stemKernel / 2)
                              .bias(bias)));
    if (config_.batchNorm) {
        bn1 = register_module("bn1", torch::nn::BatchNorm2d(width));
    }
    if (config_.stemPoolStride > 0) {
        maxpool = register_module(
            "maxpool",
            torch::nn::MaxPool2d(
                torch::nn::MaxPool2dOptions(3).stride(config_.stemPoolStride).padding(1)));
    }
}

void ResNetImpl::buildStages() {
    int inChannels = config_.stemChannels();
    for (size_t stage = 0; stage < config_.blocksPerStage.size(); ++stage) {
        torch::nn::ModuleList layer;
        const int width = config_.stageWidths[stage];
        const int outChannels = width * config_.expansion();
        for (int i = 0; i < config_.blocksPerStage[stage]; ++i) {
            BlockInfo info;
            info.name = "layer" + std::to_string(stage + 1) + "." + std::to_string(i);
            info.stage = stageName(static_cast<int>(stage));
            info.stageIndex = static_cast<int>(stage);
            info.indexInStage = i;
            info.kind = config_.block;
            info.inChannels = inChannels;
            info.outChannels = outChannels;
            info.stride = (stage > 0 && i == 0) ? 2 : 1;
            info.shortcut = chooseShortcut(config_, inChannels, outChannels, info.stride);
            info.preact = config_.preact;
            info.innerWidth = config_.innerWidth(stage);
            info.groups = config_.groups;
            info.zeroPad = config_.zeroPad;
            // The stem ends in BN-ReLU, so the very first pre-activation block would only
            // repeat it (as in He et al.'s pre-activation code).
            const bool preactivateInput = !(stage == 0 && i == 0);

            std::shared_ptr<ResidualBlockImpl> block;
            if (config_.block == BlockKind::Bottleneck) {
                block = std::make_shared<BottleneckImpl>(info, config_.strideOn, config_.batchNorm,
                                                         preactivateInput);
            } else {
                block = std::make_shared<BasicBlockImpl>(info, config_.batchNorm, preactivateInput);
            }
            layer->push_back(block);
            blocks_.push_back(block);
            inChannels = outChannels;
        }
        layers.push_back(register_module("layer" + std::to_string(stage + 1), layer));
    }
}

void ResNetImpl::initializeWeights() {
    torch::NoGradGuard noGrad;
    for (auto& module : modules(/*include_self=*/false)) {
        if (auto* conv = module->as<torch::nn::Conv2d>()) {
            torch::nn::init::kaiming_normal_(conv->weight, 0.0, torch::kFanOut, torch::kReLU);
            if (conv->bias.defined()) {
                conv->bias.zero_();
            }
        } else if (auto* bn = module->as<torch::nn::BatchNorm2d>()) {
            bn->weight.fill_(1.0);
            bn->bias.zero_();
        }
    }
}

std::shared_ptr<ResidualBlockImpl> ResNetImpl::block(const std::string& name) const {
    for (const auto& block : blocks_) {
        if (block->info().name == name) {
            return block;
        }
    }
    return nullptr;
}

torch::Tensor ResNetImpl::forward(const torch::Tensor& input) {
    torch::Tensor x = stem(input);
    for (const auto& block : blocks_) {
        x = block->forward(x);
    }
    return head(x);
}

void ResNetImpl::setFastInference(bool enabled) {
    fastInference_ = enabled;
    for (const auto& block : blocks_) {
        block->setFastInference(enabled);
    }
}

torch::Tensor ResNetImpl::stem(const torch::Tensor& input) {
    torch::Tensor x;
    if (FoldedConvolution::takesFastPath(*this, fastInference_)) {
        if (!foldedStem_.isCurrentFor(conv1, bn1)) {
            foldedStem_.fold(conv1, bn1);
        }
        // Every activation after this stays in the device's fast layout. A one-channel
        // input is NCHW and channels-last at once, and the convolution then answers NCHW:
        // its output is converted (16 channels at most, a small copy).
        const auto layout = FoldedConvolution::layoutFor(conv1->weight.device());
        x = foldedStem_.forward(input.contiguous(layout)).contiguous(layout);
    } else {
        x = conv1->forward(input);
        if (bn1) {
            x = bn1->forward(x);
        }
    }
    x = x.relu_();
    if (maxpool) {
        x = maxpool->forward(x);
    }
    return x;
}

torch::Tensor ResNetImpl::head(const torch::Tensor& features) {
    torch::Tensor x = features;
    if (config_.preact) {
        x = finalBn ? finalBn->forward(x).relu_() : torch::relu(x);
    }
    x = torch::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
    return fc->forward(x);
}

}  // namespace reslens
