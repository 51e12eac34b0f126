#include "model/network/ArchitectureSummary.h"

#include "model/network/ConvFactory.h"
#include "model/network/ResNet.h"

namespace reslens {
namespace {

int64_t countParameters(const torch::nn::Module& module) {
    int64_t count = 0;
    for (const auto& p : module.parameters()) {
        count += p.numel();
    }
    return count;
}

struct Spatial {
    int height;
    int width;
};

// Multiply-adds of one convolution on an input of the given size; advances the size.
int64_t convMacs(const torch::nn::Conv2dImpl& conv, Spatial& size) {
    const auto& o = conv.options;
    const int kh = (*o.kernel_size())[0], kw = (*o.kernel_size())[1];
    const int sh = (*o.stride())[0], sw = (*o.stride())[1];
    size.height = convOutputSize(size.height, kh, sh);
    size.width = convOutputSize(size.width, kw, sw);
    return int64_t{o.out_channels()} * size.height * size.width * (o.in_channels() / o.groups()) *
           kh * kw;
}

BlockAccount accountBlock(const ResidualBlockImpl& block, Spatial& size) {
    BlockAccount account;
    account.info = block.info();
    for (const auto& item : block.named_parameters()) {
        const std::string& key = item.key();
        const int64_t n = item.value().numel();
        if (key.rfind("downsample.", 0) == 0) {
            account.shortcutParams += n;
        } else if (key.rfind("conv", 0) == 0) {
            account.convParams += n;
        } else {
            account.bnParams += n;
        }
    }
    account.params = account.convParams + account.bnParams + account.shortcutParams;
    if (account.info.kind == BlockKind::Bottleneck) {
        const int64_t c = account.info.outChannels;
        account.basicEquivalentParams = 3 * 3 * c * c * 2;
    }

    Spatial shortcutSize = size;
    for (const auto& conv : block.branchConvolutions()) {
        account.macs += convMacs(*conv, size);
    }
    if (auto projection = block.shortcutConvolution()) {
        account.macs += convMacs(*projection, shortcutSize);
    }
    account.outputShape = {account.info.outChannels, size.height, size.width};
    return account;
}

}  // namespace

ArchitectureSummary summarize(const ResNetImpl& network) {
    ArchitectureSummary summary;
    summary.config = network.config();
    const auto& config = summary.config;
    summary.totalParams = countParameters(network);

    Spatial size{config.inputHeight, config.inputWidth};
    summary.stem.name = "stem";
    summary.stem.macs = convMacs(*network.conv1, size);
    summary.stem.params =
        countParameters(*network.conv1) + (network.bn1 ? countParameters(*network.bn1) : 0);
    if (network.maxpool) {
        size.height = convOutputSize(size.height, 3, config.stemPoolStride);
        size.width = convOutputSize(size.width, 3, config.stemPoolStride);
    }
    summary.stem.outputShape = {config.stemChannels(), size.height, size.width};

    for (const auto& block : network.blocks()) {
        summary.blocks.push_back(accountBlock(*block, size));
    }

    summary.head.name = "head";
    summary.head.params =
        countParameters(*network.fc) + (network.finalBn ? countParameters(*network.finalBn) : 0);
    summary.head.macs =
        int64_t{network.fc->options.in_features()} * network.fc->options.out_features();
    summary.head.outputShape = {config.classes, 1, 1};

    summary.macs = summary.stem.macs + summary.head.macs;
    for (const auto& block : summary.blocks) {
        summary.macs += block.macs;
    }
    return summary;
}

ArchitectureSummary summarize(const ResNetConfig& config) {
    ResNet network(config);
    return summarize(*network);
}

}  // namespace reslens
