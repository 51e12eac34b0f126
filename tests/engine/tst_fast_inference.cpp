// The inference fast path (batch norm folded into the convolutions, channels-last
// activations, prepacked oneDNN weights) computes what the reference path computes: the
// reference is the same network with the fast path switched off, which runs every layer as
// torchvision does (tst_torchvision_forward checks that path against torchvision itself).

#include <QtTest/QtTest>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "TestNetworks.h"
#include "model/files/StateDict.h"
#include "model/network/ResNet.h"
#include "model/tracing/BlockStatisticsProbe.h"
#include "model/tracing/FeatureCaptureProbe.h"
#endif

using namespace reslens;

namespace {

// Fresh networks have BN with mean 0, variance 1, weight 1, bias 0, which folds to almost
// nothing; trained-like statistics make the fold do real work.
void giveTrainedLikeStatistics(ResNetImpl& network) {
    torch::NoGradGuard noGrad;
    for (auto& module : network.modules(/*include_self=*/false)) {
        if (auto* bn = module->as<torch::nn::BatchNorm2d>()) {
            bn->running_mean.uniform_(-0.5, 0.5);
            bn->running_var.uniform_(0.3, 2.0);
            bn->weight.uniform_(0.5, 1.5);
            bn->bias.uniform_(-0.2, 0.2);
        } else if (auto* conv = module->as<torch::nn::Conv2d>()) {
            if (conv->bias.defined()) {
                conv->bias.uniform_(-0.1, 0.1);
            }
        }
    }
}

// ||a - b|| / ||b||, in double.
double relativeError(const torch::Tensor& a, const torch::Tensor& b) {
    const torch::Tensor ad = a.to(torch::kDouble), bd = b.to(torch::kDouble);
    return (ad - bd).norm().item<double>() / std::max(bd.norm().item<double>(), 1e-30);
}

bool close(double a, double b, double rel) {
    return std::abs(a - b) <= rel * std::max({std::abs(a), std::abs(b), 1e-6});
}

bool close(const std::optional<double>& a, const std::optional<double>& b, double rel) {
    return a.has_value() == b.has_value() && (!a || close(*a, *b, rel));
}

// A cosine lies in [-1, 1] and is often near 0, where a relative bound means nothing.
bool closeCosine(const std::optional<double>& a, const std::optional<double>& b) {
    return a.has_value() == b.has_value() && (!a || std::abs(*a - *b) <= 1e-4);
}

struct Observed {
    torch::Tensor logits;
    NetworkStatistics statistics;
    std::map<std::string, CapturedBlock> blocks;
};

Observed observe(ResNetImpl& network, const torch::Tensor& x, bool fast) {
    network.setFastInference(fast);
    torch::InferenceMode inference;
    BlockStatisticsProbe stats(network);
    FeatureCaptureProbe capture(network);
    Observed o;
    o.logits = network.forward(x);
    o.statistics = stats.collect();
    o.blocks = capture.captured();
    return o;
}

// Copies of every parameter and buffer, as they are now.
TensorMap snapshotOf(const ResNetImpl& network) {
    TensorMap state = stateDict(network);
    for (auto& [key, tensor] : state) {
        tensor = tensor.detach().clone();
    }
    return state;
}

}  // namespace

class FastInferenceTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void equalsReferencePath_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("batch");
        const auto configs = everyFamily();
        for (size_t i = 0; i < configs.size(); ++i) {
            // Batch 1 takes the prepacked weights in the late stages, batch 8 fewer of them.
            for (int batch : {1, 8}) {
                const QString row = configs[i].label + QString(", batch %1").arg(batch);
                QTest::newRow(row.toUtf8().constData()) << int(i) << batch;
            }
        }
    }

    void equalsReferencePath() {
        QFETCH(int, index);
        QFETCH(int, batch);
        const ResNetConfig config = everyFamily()[index].config;
        torch::manual_seed(100 + index);
        ResNet network(config);
        giveTrainedLikeStatistics(*network);
        network->eval();
        const torch::Tensor x =
            torch::randn({batch, config.inChannels, config.inputHeight, config.inputWidth});

        const Observed reference = observe(*network, x, /*fast=*/false);
        const Observed fast = observe(*network, x, /*fast=*/true);

        // The fast path really ran: its activations are channels-last, the reference's not.
        const CapturedBlock& firstFast = fast.blocks.at(network->blocks().front()->info().name);
        const CapturedBlock& firstRef = reference.blocks.at(network->blocks().front()->info().name);
        QVERIFY(firstFast.input.is_contiguous(torch::MemoryFormat::ChannelsLast));
        QVERIFY(!firstFast.input.is_contiguous());
        QVERIFY(firstRef.input.is_contiguous());

        const double logitsError = relativeError(fast.logits, reference.logits);
        QVERIFY2(logitsError <= 1e-4, qPrintable(QString("logits off by %1").arg(logitsError)));

        QCOMPARE(fast.statistics.size(), size_t(batch));
        for (int image = 0; image < batch; ++image) {
            const auto& f = fast.statistics[image];
            const auto& r = reference.statistics[image];
            QCOMPARE(f.size(), r.size());
            for (size_t b = 0; b < f.size(); ++b) {
                const QByteArray what = QByteArray::fromStdString(r[b].name);
                QVERIFY2(close(f[b].inputNorm, r[b].inputNorm, 1e-4), what);
                QVERIFY2(close(f[b].residualNorm, r[b].residualNorm, 1e-4), what);
                QVERIFY2(close(f[b].outputNorm, r[b].outputNorm, 1e-4), what);
                QVERIFY2(close(f[b].residualStd, r[b].residualStd, 1e-4), what);
                QVERIFY2(close(f[b].shortcutNorm, r[b].shortcutNorm, 1e-4), what);
                QVERIFY2(close(f[b].residualRatio, r[b].residualRatio, 1e-4), what);
                QVERIFY2(closeCosine(f[b].cosine, r[b].cosine), what);
            }
        }

        // F(x) is observed where it was: after the branch's last batch norm (folded now).
        for (const auto& [name, ref] : reference.blocks) {
            const CapturedBlock& got = fast.blocks.at(name);
            const double error = relativeError(got.residual, ref.residual);
            QVERIFY2(
                error <= 1e-5,
                qPrintable(
                    QString("%1: F(x) off by %2").arg(QString::fromStdString(name)).arg(error)));
            QVERIFY(relativeError(got.output, ref.output) <= 1e-5);
        }
    }

    void trainedWeightsAreUntouched() {
        ResNet network(ResNetConfig::fromArchName("resnet18"));
        giveTrainedLikeStatistics(*network);
        network->eval();
        const auto before = snapshotOf(*network);
        {
            torch::InferenceMode inference;
            network->forward(torch::randn({1, 3, 64, 64}));
        }
        const auto after = snapshotOf(*network);
        QCOMPARE(after.size(), before.size());
        for (const auto& [key, value] : before) {
            QVERIFY2(torch::equal(after.at(key), value), key.c_str());
        }
        // The layout of the trained weights is the file's, not the fast path's.
        QVERIFY(network->conv1->weight.is_contiguous());
    }

    void changedWeightsAreFoldedAgain() {
        // A training step, a loaded file or a landscape's perturbation changes the weights in
        // place; the next inference forward must see the change.
        torch::manual_seed(3);
        ResNetConfig config = ResNetConfig::fromArchName("resnet20");
        config.inChannels = 1;
        config.inputHeight = config.inputWidth = 28;
        ResNet network(config);
        giveTrainedLikeStatistics(*network);
        network->eval();
        const torch::Tensor x = torch::randn({2, 1, 28, 28});
        const torch::Tensor first = observe(*network, x, true).logits;
        {
            torch::NoGradGuard noGrad;
            auto block = network->blocks()[4];
            for (auto& item : block->named_buffers()) {
                if (item.key().find("running_var") != std::string::npos) {
                    item.value().mul_(3.0);
                }
            }
            network->conv1->weight.mul_(-1.0);
            network->fc->weight.add_(0.1);
        }
        const torch::Tensor changedFast = observe(*network, x, true).logits;
        const torch::Tensor changedReference = observe(*network, x, false).logits;
        QVERIFY(relativeError(changedFast, first) > 1e-2);
        QVERIFY(relativeError(changedFast, changedReference) <= 1e-4);

        // Weights replaced wholesale (set_data, as a device move does) are seen too.
        {
            torch::NoGradGuard noGrad;
            auto conv = network->blocks()[0]->branchConvolutions()[1];
            conv->weight.set_data(torch::randn_like(conv->weight));
        }
        QVERIFY(relativeError(observe(*network, x, true).logits,
                              observe(*network, x, false).logits) <= 1e-4);
    }

    void gradientAndTrainingForwardsTakeTheReferencePath() {
        torch::manual_seed(5);
        ResNet network(ResNetConfig::fromArchName("resnet18"));
        giveTrainedLikeStatistics(*network);
        network->eval();
        const torch::Tensor x = torch::randn({1, 3, 64, 64});
        torch::Tensor reference;
        {
            network->setFastInference(false);
            torch::NoGradGuard noGrad;
            reference = network->forward(x);
            network->setFastInference(true);
        }
        // With gradient (Grad-CAM in eval mode): exactly the reference arithmetic.
        const torch::Tensor withGradient = network->forward(x);
        QVERIFY(withGradient.requires_grad());
        QVERIFY(torch::equal(withGradient.detach(), reference));
        // Training mode normalises with the batch's statistics, never with a fold.
        network->train();
        torch::NoGradGuard noGrad;
        const torch::Tensor training = network->forward(x.repeat({2, 1, 1, 1}));
        network->setFastInference(false);
        QVERIFY(torch::equal(training, network->forward(x.repeat({2, 1, 1, 1}))));
    }

    void bypassedBlocksOnTheFastPath() {
        // A lesion's bypass runs the projection shortcut alone: folded too.
        for (const char* arch : {"resnet50", "resnet18"}) {
            torch::manual_seed(11);
            ResNetConfig config = ResNetConfig::fromArchName(arch);
            config.inputHeight = config.inputWidth = 64;
            ResNet network(config);
            giveTrainedLikeStatistics(*network);
            network->eval();
            network->block("layer2.0")->setBypassed(true);
            network->block("layer3.1")->setBypassed(true);
            const torch::Tensor x = torch::randn({2, 3, 64, 64});
            const Observed fast = observe(*network, x, true);
            const Observed reference = observe(*network, x, false);
            QVERIFY2(relativeError(fast.logits, reference.logits) <= 1e-4, arch);
            for (const BlockStatistics& s : fast.statistics[0]) {
                QCOMPARE(s.bypassed, s.name == "layer2.0" || s.name == "layer3.1");
            }
        }
    }
};

QTEST_APPLESS_MAIN(FastInferenceTest)
#include "tst_fast_inference.moc"
