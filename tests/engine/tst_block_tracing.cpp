// Per-block hooks report y = F(x) + shortcut(x) faithfully and never change the forward.

#include <QtTest/QtTest>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "TestNetworks.h"
#include "model/network/ResNet.h"
#include "model/tracing/FeatureCaptureProbe.h"
#endif

using namespace reslens;

class BlockTracingTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::manual_seed(7); }

    void capturedTermsRecombineToOutput_data() { addEveryFamilyRows(); }

    void capturedTermsRecombineToOutput() {
        QFETCH(int, index);
        const ResNetConfig config = everyFamily()[index].config;
        ResNet network(config);
        network->eval();
        torch::NoGradGuard noGrad;
        const torch::Tensor x =
            torch::randn({2, config.inChannels, config.inputHeight, config.inputWidth});

        const torch::Tensor untraced = network->forward(x);
        torch::Tensor traced;
        {
            FeatureCaptureProbe probe(*network, {}, /*moveToCpu=*/false);
            traced = network->forward(x);
            QCOMPARE(probe.captured().size(), network->blocks().size());

            torch::Tensor previousOutput;
            for (const auto& block : network->blocks()) {
                const BlockInfo& info = block->info();
                const CapturedBlock* c = probe.find(info.name);
                QVERIFY(c);
                QCOMPARE(c->residual.sizes(), c->output.sizes());
                torch::Tensor expected;
                if (info.shortcut == ShortcutKind::None) {
                    QVERIFY2(!c->shortcut.defined(), "a plain block reports no shortcut");
                    expected = c->residual;
                } else {
                    QVERIFY(c->shortcut.defined());
                    QCOMPARE(c->shortcut.sizes(), c->output.sizes());
                    expected = c->residual + c->shortcut;
                }
                if (!info.preact) {
                    expected = torch::relu(expected);
                }
                QVERIFY2(torch::allclose(c->output, expected, 1e-5, 1e-6),
                         (info.name + ": output != combination of F(x) and shortcut").c_str());
                if (info.shortcut == ShortcutKind::Identity) {
                    QVERIFY(torch::equal(c->shortcut, c->input));
                }
                if (previousOutput.defined()) {
                    QVERIFY2(torch::equal(c->input, previousOutput),
                             (info.name + ": input is not the previous block's output").c_str());
                }
                previousOutput = c->output;
            }
        }
        QVERIFY2(torch::equal(traced, untraced), "a traced forward changed the logits");
        for (const auto& block : network->blocks()) {
            QCOMPARE(block->hookCount(), size_t(0));
        }
        QCOMPARE(untraced.sizes(), (std::vector<int64_t>{2, config.classes}));
    }

    void preactivationOutputsAreNotRectified() {
        // Post-activation outputs are >= 0; pre-activation ones carry negative values.
        ResNetConfig config = ResNetConfig::fromArchName("resnet20");
        config.preact = true;
        ResNet network(config);
        network->eval();
        torch::NoGradGuard noGrad;
        FeatureCaptureProbe probe(*network);
        network->forward(torch::randn({1, 3, 32, 32}));
        QVERIFY(probe.find("layer2.1")->output.min().item<float>() < 0);

        ResNet post(ResNetConfig::fromArchName("resnet20"));
        post->eval();
        FeatureCaptureProbe postProbe(*post);
        post->forward(torch::randn({1, 3, 32, 32}));
        QVERIFY(postProbe.find("layer2.1")->output.min().item<float>() >= 0);
    }

    void hookHandleRemovesOnlyItsHook() {
        ResNet network(ResNetConfig::fromArchName("resnet20"));
        network->eval();
        auto block = network->block("layer1.0");
        QVERIFY(block);
        int first = 0, second = 0;
        HookHandle a = block->registerForwardHook([&](const BlockTrace&) { ++first; });
        {
            HookHandle b = block->registerForwardHook([&](const BlockTrace&) { ++second; });
            QCOMPARE(block->hookCount(), size_t(2));
            network->forward(torch::randn({1, 3, 32, 32}));
        }
        QCOMPARE(block->hookCount(), size_t(1));
        network->forward(torch::randn({1, 3, 32, 32}));
        QCOMPARE(first, 2);
        QCOMPARE(second, 1);
        a.remove();
        QCOMPARE(block->hookCount(), size_t(0));
        QVERIFY(!network->block("layer9.9"));
    }

    void inputAndOutputHooksKeepTheInPlacePath() {
        // A hook that asks only for input and output sees the block output (the next
        // block's input) but no F(x): the block added in place, as untraced.
        ResNet network(ResNetConfig::fromArchName("resnet20"));
        network->eval();
        torch::NoGradGuard noGrad;
        const torch::Tensor x = torch::randn({2, 3, 32, 32});
        const torch::Tensor untraced = network->forward(x);
        struct Seen {
            torch::Tensor input, residual, shortcut, output;
        };
        std::vector<Seen> traces;
        std::vector<HookHandle> handles;
        for (const auto& block : network->blocks()) {
            handles.push_back(block->registerForwardHook(
                [&](const BlockTrace& t) {
                    traces.push_back({t.input, t.residual, t.shortcut, t.output});
                },
                TraceScope::InputAndOutput));
        }
        const torch::Tensor traced = network->forward(x);
        QVERIFY(torch::equal(traced, untraced));
        QCOMPARE(traces.size(), network->blocks().size());
        for (size_t i = 0; i < traces.size(); ++i) {
            QVERIFY(!traces[i].residual.defined());
            QVERIFY(!traces[i].shortcut.defined());
            if (i > 0) {
                QVERIFY(torch::equal(traces[i].input, traces[i - 1].output));
            }
        }
        QVERIFY(traces.back().output.min().item<float>() >= 0);
    }

    void hooksSeeTrainingForwardsAndGradientsStillFlow() {
        ResNet network(ResNetConfig::fromArchName("resnet20"));
        network->train();
        FeatureCaptureProbe probe(*network);
        const torch::Tensor loss = network->forward(torch::randn({4, 3, 32, 32})).sum();
        loss.backward();
        QCOMPARE(probe.captured().size(), size_t(9));
        QVERIFY(network->blocks().front()->branchConvolutions().front()->weight.grad().defined());
    }

    void unknownBlockNameIsRefused() {
        ResNet network(ResNetConfig::fromArchName("resnet20"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 FeatureCaptureProbe(*network, {"layer4.0"}));
    }
};

QTEST_GUILESS_MAIN(BlockTracingTest)
#include "tst_block_tracing.moc"
