// The statistics probe's numbers against a direct computation with tensor ops on the
// captured tensors (a different code path: FeatureCaptureProbe + torch reductions).

#include <QtTest/QtTest>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "TestNetworks.h"
#include "model/network/ResNet.h"
#include "model/tracing/BlockStatisticsProbe.h"
#include "model/tracing/FeatureCaptureProbe.h"
#endif

using namespace reslens;

namespace {

bool close(double a, double b, double rel = 1e-4) {
    return std::abs(a - b) <= rel * std::max({std::abs(a), std::abs(b), 1e-6});
}

double normOf(const torch::Tensor& t) {
    return t.to(torch::kDouble).norm().item<double>();
}

}  // namespace

class StatisticsProbeTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesDirectComputation_data() { addEveryFamilyRows(); }

    void matchesDirectComputation() {
        QFETCH(int, index);
        const ResNetConfig config = everyFamily()[index].config;
        torch::manual_seed(index);
        ResNet network(config);
        network->eval();
        torch::NoGradGuard noGrad;
        const int batch = 3;
        const torch::Tensor x =
            torch::randn({batch, config.inChannels, config.inputHeight, config.inputWidth});

        BlockStatisticsProbe stats(*network);
        FeatureCaptureProbe capture(*network);
        network->forward(x);
        const NetworkStatistics result = stats.collect();
        QCOMPARE(result.size(), size_t(batch));

        for (int image = 0; image < batch; ++image) {
            QCOMPARE(result[image].size(), network->blocks().size());
            for (const BlockStatistics& s : result[image]) {
                const CapturedBlock* c = capture.find(s.name);
                QVERIFY(c);
                const torch::Tensor r = c->residual[image].to(torch::kDouble);
                QVERIFY(close(s.inputNorm, normOf(c->input[image])));
                QVERIFY(close(s.residualNorm, normOf(r)));
                QVERIFY(close(s.outputNorm, normOf(c->output[image])));
                QVERIFY(close(s.residualStd, r.std(/*unbiased=*/false).item<double>()));
                if (!c->shortcut.defined()) {
                    QVERIFY(!s.shortcutNorm && !s.residualRatio && !s.cosine);
                    continue;
                }
                const torch::Tensor sc = c->shortcut[image].to(torch::kDouble);
                QVERIFY(s.shortcutNorm && s.residualRatio && s.cosine);
                QVERIFY(close(*s.shortcutNorm, normOf(sc)));
                QVERIFY(close(*s.residualRatio, normOf(r) / normOf(sc)));
                const double cosine =
                    torch::cosine_similarity(r.flatten(), sc.flatten(), 0).item<double>();
                QVERIFY2(std::abs(*s.cosine - cosine) < 1e-4,
                         (s.name + " cosine " + std::to_string(*s.cosine) + " vs " +
                          std::to_string(cosine))
                             .c_str());
            }
        }
    }

    void imagesOfABatchAreKeptApartAndInOrder() {
        ResNet network(ResNetConfig::fromArchName("resnet20"));
        network->eval();
        torch::NoGradGuard noGrad;
        const torch::Tensor x = torch::randn({2, 3, 32, 32});
        BlockStatisticsProbe probe(*network);
        network->forward(x);
        const NetworkStatistics both = probe.collect();
        network->forward(x.slice(0, 1, 2));
        const NetworkStatistics second = probe.collect();
        QCOMPARE(both.size(), size_t(2));
        QCOMPARE(second.size(), size_t(1));
        for (size_t b = 0; b < second[0].size(); ++b) {
            QVERIFY(close(both[1][b].residualNorm, second[0][b].residualNorm));
            QVERIFY(close(both[1][b].outputNorm, second[0][b].outputNorm));
        }
        QVERIFY(!close(both[0][0].residualNorm, both[1][0].residualNorm));
        QVERIFY(probe.collect().empty());  // collect() drains
    }

    void zeroShortcutHasNoRatio() {
        // An all-zero input through layer1.0 of a BN-free net: x = 0 so the identity
        // shortcut is 0 and the ratio and cosine are undefined, not infinite.
        ResNetConfig config = ResNetConfig::fromArchName("resnet20");
        config.batchNorm = false;
        ResNet network(config);
        network->eval();
        torch::NoGradGuard noGrad;
        network->conv1->weight.zero_();
        BlockStatisticsProbe probe(*network);
        network->forward(torch::randn({1, 3, 32, 32}));
        const BlockStatistics s = probe.collect()[0][0];  // a copy: collect() returns by value
        QVERIFY(s.shortcutNorm.has_value());
        QCOMPARE(*s.shortcutNorm, 0.0);
        QVERIFY(!s.residualRatio.has_value());
        QVERIFY(!s.cosine.has_value());
    }
};

QTEST_GUILESS_MAIN(StatisticsProbeTest)
#include "tst_statistics_probe.moc"
