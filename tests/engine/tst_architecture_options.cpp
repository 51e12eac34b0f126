// Each option changes the architecture as documented in docs/cli.md and docs/design.md.

#include <QtTest/QtTest>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "TestNetworks.h"
#include "model/network/ArchitectureSummary.h"
#include "model/network/BasicBlock.h"
#include "model/network/Bottleneck.h"
#include "model/network/ResNet.h"
#include "model/tracing/FeatureCaptureProbe.h"
#endif

using namespace reslens;
using torch::indexing::None;
using torch::indexing::Slice;

namespace {

int strideOf(const torch::nn::Conv2d& conv) {
    return (*conv->options.stride())[0];
}

std::shared_ptr<BottleneckImpl> bottleneck(const ResNet& network, const std::string& name) {
    return std::dynamic_pointer_cast<BottleneckImpl>(network->block(name));
}

}  // namespace

class ArchitectureOptionsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void optionAHasNoShortcutParametersAndZeroPads() {
        ResNet network(ResNetConfig::fromArchName("resnet20"));
        network->eval();
        const auto block = network->block("layer2.0");
        QVERIFY(block->info().shortcut == ShortcutKind::ZeroPad);
        QCOMPARE(block->info().inChannels, 16);
        QCOMPARE(block->info().outChannels, 32);
        for (const auto& item : network->named_parameters()) {
            QVERIFY2(item.key().find("downsample") == std::string::npos, item.key().c_str());
        }
        for (const auto& b : summarize(*network).blocks) {
            QCOMPARE(b.shortcutParams, qint64(0));
        }

        torch::NoGradGuard noGrad;
        FeatureCaptureProbe probe(*network, {"layer2.0"});
        network->forward(torch::randn({1, 3, 32, 32}));
        const CapturedBlock* c = probe.find("layer2.0");
        QVERIFY(c);
        QCOMPARE(c->shortcut.sizes(), (std::vector<int64_t>{1, 32, 16, 16}));
        // First 16 channels: the input taken at every second pixel; the rest: zeros.
        const torch::Tensor subsampled =
            c->input.index({Slice(), Slice(), Slice(None, None, 2), Slice(None, None, 2)});
        QVERIFY(torch::equal(c->shortcut.index({Slice(), Slice(0, 16)}), subsampled));
        QVERIFY(torch::equal(c->shortcut.index({Slice(), Slice(16, 32)}),
                             torch::zeros({1, 16, 16, 16})));
    }

    void optionBProjectsWhereShapesChange() {
        ResNetConfig config = ResNetConfig::fromArchName("resnet20");
        config.shortcut = ShortcutOption::B;
        ResNet network(config);
        const auto s = summarize(*network);
        int projections = 0;
        for (const auto& b : s.blocks) {
            if (b.info.shortcut == ShortcutKind::Projection) {
                ++projections;
                // 1x1 conv (in*out) + BN (2*out)
                QCOMPARE(b.shortcutParams,
                         qint64(b.info.inChannels * b.info.outChannels + 2 * b.info.outChannels));
            } else {
                QVERIFY(b.info.shortcut == ShortcutKind::Identity);
            }
        }
        QCOMPARE(projections, 2);  // layer2.0 and layer3.0
    }

    void v1StridesOnTheFirst1x1() {
        ResNetConfig v1 = ResNetConfig::fromArchName("resnet50");
        v1.strideOn = StrideOn::Conv1x1;
        ResNet a(v1);
        auto block = bottleneck(a, "layer2.0");
        QVERIFY(block);
        QCOMPARE(strideOf(block->conv1), 2);
        QCOMPARE(strideOf(block->conv2), 1);

        ResNet b(ResNetConfig::fromArchName("resnet50"));  // v1.5, torchvision
        block = bottleneck(b, "layer2.0");
        QCOMPARE(strideOf(block->conv1), 1);
        QCOMPARE(strideOf(block->conv2), 2);
        // Same parameters, fewer multiply-adds when the 1x1 strides (it skips 3/4 of pixels).
        QCOMPARE(summarize(*a).totalParams, summarize(*b).totalParams);
        QVERIFY(summarize(*a).macs < summarize(*b).macs);
    }

    void preactivationPutsBatchNormBeforeConvolution() {
        ResNetConfig config = ResNetConfig::fromArchName("resnet20");
        config.preact = true;
        ResNet network(config);
        auto block = std::dynamic_pointer_cast<BasicBlockImpl>(network->block("layer2.0"));
        QVERIFY(block);
        // bn1 normalises the block *input* (16 channels), not conv1's output (32).
        QCOMPARE(block->bn1->options.num_features(), 16);
        QCOMPARE(block->bn2->options.num_features(), 32);
        // The first block follows the stem's BN-ReLU and does not repeat it.
        auto first = std::dynamic_pointer_cast<BasicBlockImpl>(network->block("layer1.0"));
        QVERIFY(!first->bn1);
        QVERIFY(network->finalBn);
        QCOMPARE(network->finalBn->options.num_features(), 64);

        // Post-activation for contrast: bn1 follows conv1.
        ResNet post(ResNetConfig::fromArchName("resnet20"));
        auto postBlock = std::dynamic_pointer_cast<BasicBlockImpl>(post->block("layer2.0"));
        QCOMPARE(postBlock->bn1->options.num_features(), 32);
        QVERIFY(!post->finalBn);

        // Pre-activation adds without a ReLU after the sum: with conv2's weights zeroed,
        // F(x) = 0 and y = x exactly, negative entries included.
        network->eval();
        torch::NoGradGuard noGrad;
        auto layer13 = std::dynamic_pointer_cast<BasicBlockImpl>(network->block("layer1.1"));
        layer13->conv2->weight.zero_();
        FeatureCaptureProbe probe(*network, {"layer1.1"});
        network->forward(torch::randn({1, 3, 32, 32}));
        const CapturedBlock* c = probe.find("layer1.1");
        QVERIFY(c->input.min().item<float>() < 0);
        QVERIFY(torch::equal(c->output, c->input));
    }

    void noBatchNormGivesConvolutionsBiases() {
        ResNetConfig config = ResNetConfig::fromArchName("resnet18");
        config.batchNorm = false;
        ResNet network(config);
        int convs = 0;
        for (const auto& module : network->modules(false)) {
            QVERIFY(!module->as<torch::nn::BatchNorm2d>());
            if (auto* conv = module->as<torch::nn::Conv2d>()) {
                ++convs;
                QVERIFY(conv->bias.defined());
                QCOMPARE(conv->bias.size(0), conv->options.out_channels());
            }
        }
        QCOMPARE(convs, 1 + 8 * 2 + 3);  // stem, two per block, three projections
        for (const auto& b : summarize(*network).blocks) {
            QCOMPARE(b.bnParams, qint64(0));
        }
        ResNet withBn(ResNetConfig::fromArchName("resnet18"));
        for (const auto& module : withBn->modules(false)) {
            if (auto* conv = module->as<torch::nn::Conv2d>()) {
                QVERIFY(!conv->bias.defined());
            }
        }
    }

    void plainNetworkHasNoShortcutAtAll() {
        for (const char* arch : {"plain20", "plain50"}) {
            ResNet network(ResNetConfig::fromArchName(arch));
            QVERIFY(!network->config().skip);
            for (const auto& block : network->blocks()) {
                QVERIFY(block->info().shortcut == ShortcutKind::None);
                QVERIFY(!block->shortcutConvolution());
            }
            for (const auto& item : network->named_parameters()) {
                QVERIFY(item.key().find("downsample") == std::string::npos);
            }
        }
        QCOMPARE(ResNetConfig::fromArchName("plain56").canonicalName(), std::string("plain56"));
    }

    void inputChannelsClassesAndSizeAreFree() {
        ResNetConfig config = ResNetConfig::fromArchName("resnet20");
        config.inChannels = 1;
        config.classes = 7;
        config.inputHeight = 28;
        config.inputWidth = 20;
        ResNet network(config);
        network->eval();
        torch::NoGradGuard noGrad;
        FeatureCaptureProbe probe(*network);
        const torch::Tensor logits = network->forward(torch::randn({3, 1, 28, 20}));
        QCOMPARE(logits.sizes(), (std::vector<int64_t>{3, 7}));
        QCOMPARE(network->conv1->options.in_channels(), 1);
        // Accounting predicts the shapes the forward really produces.
        for (const auto& b : summarize(*network).blocks) {
            const auto sizes = probe.find(b.info.name)->output.sizes();
            QCOMPARE(sizes[1], b.outputShape[0]);
            QCOMPARE(sizes[2], b.outputShape[1]);
            QCOMPARE(sizes[3], b.outputShape[2]);
        }
    }

    void accountedShapesMatchForwardForEveryFamily() {
        torch::NoGradGuard noGrad;
        for (const auto& named : everyFamily()) {
            ResNet network(named.config);
            network->eval();
            FeatureCaptureProbe probe(*network);
            network->forward(torch::randn(
                {1, named.config.inChannels, named.config.inputHeight, named.config.inputWidth}));
            for (const auto& b : summarize(*network).blocks) {
                const auto sizes = probe.find(b.info.name)->output.sizes();
                QVERIFY2(sizes[1] == b.outputShape[0] && sizes[2] == b.outputShape[1] &&
                             sizes[3] == b.outputShape[2],
                         (named.label.toStdString() + " " + b.info.name).c_str());
            }
        }
    }

    void initialisationFollowsTorchvision() {
        torch::manual_seed(0);
        ResNet network(ResNetConfig::fromArchName("resnet50"));
        // Kaiming normal, fan_out, ReLU gain: std = sqrt(2 / (out * k * k)).
        const auto conv = bottleneck(network, "layer3.0")->conv2;  // 256 -> 256, 3x3
        const double expectedStd = std::sqrt(2.0 / (256 * 9));
        const double std = conv->weight.std().item<double>();
        QVERIFY2(std::abs(std / expectedStd - 1.0) < 0.02, QByteArray::number(std).constData());
        QVERIFY(std::abs(conv->weight.mean().item<double>()) < 0.05 * expectedStd);
        const auto bn = bottleneck(network, "layer3.0")->bn2;
        QVERIFY(torch::equal(bn->weight, torch::ones_like(bn->weight)));
        QVERIFY(torch::equal(bn->bias, torch::zeros_like(bn->bias)));
        // nn.Linear default: U(-1/sqrt(in), 1/sqrt(in)) for the bias.
        const double bound = 1.0 / std::sqrt(2048.0);
        QVERIFY(network->fc->bias.abs().max().item<double>() <= bound);
    }

    void impossibleConfigurationsAreRefused() {
        QVERIFY_THROWS_EXCEPTION(ConfigError, ResNetConfig::fromArchName("resnet21"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, ResNetConfig::fromArchName("vgg16"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, ResNetConfig::fromArchName("resnet"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, ResNetConfig::fromArchName("plain2"));
        ResNetConfig config = ResNetConfig::fromArchName("resnet20");
        config.classes = 0;
        QVERIFY_THROWS_EXCEPTION(ConfigError, ResNet{config});
        config.classes = 10;
        config.inputHeight = 0;
        QVERIFY_THROWS_EXCEPTION(ConfigError, config.validate());
        // Any 6n+2 depth is a CIFAR ResNet.
        QCOMPARE(ResNetConfig::fromArchName("resnet8").blocksPerStage, (std::vector<int>{1, 1, 1}));
        QCOMPARE(ResNetConfig::fromArchName("resnet1202").blocksPerStage,
                 (std::vector<int>{200, 200, 200}));
    }
};

QTEST_GUILESS_MAIN(ArchitectureOptionsTest)
#include "tst_architecture_options.moc"
