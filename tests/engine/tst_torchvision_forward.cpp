// The native ResNets compute what torchvision's compute: torchvision's weights (random,
// BN statistics included), copied by name, give torchvision's logits. The reference is
// produced at test time by Debian's python3-torchvision (fixtures/torchvision_forward.py).

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <fstream>
#include <iterator>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "model/network/ResNet.h"
#endif

using namespace reslens;

class TorchvisionForwardTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void logitsMatchTorchvision_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("size");
        QTest::newRow("resnet18 at 224") << "resnet18" << 224;
        QTest::newRow("resnet50 at 160") << "resnet50" << 160;
        QTest::newRow("resnet34 at 97 (odd size)") << "resnet34" << 97;
    }

    void logitsMatchTorchvision() {
        QFETCH(QString, arch);
        QFETCH(int, size);
        QTemporaryDir dir;
        const QString file = dir.filePath("reference.pt");
        QProcess python;
        python.start(RESLENS_PYTHON, {QStringLiteral(RESLENS_FIXTURES "/torchvision_forward.py"),
                                      arch, file, QString::number(size)});
        QVERIFY2(python.waitForFinished(300000), "python3-torchvision did not finish");
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());

        std::ifstream in(file.toStdString(), std::ios::binary);
        const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                      std::istreambuf_iterator<char>());
        const c10::Dict<c10::IValue, c10::IValue> reference =
            torch::pickle_load(bytes).toGenericDict();
        const auto state = reference.at("state_dict").toGenericDict();
        const torch::Tensor input = reference.at("input").toTensor();
        const torch::Tensor expected = reference.at("logits").toTensor();

        ResNetConfig config = ResNetConfig::fromArchName(arch.toStdString());
        config.inputHeight = config.inputWidth = size;
        ResNet network(config);
        {
            torch::NoGradGuard noGrad;
            size_t copied = 0;
            auto copyByName = [&](const std::string& key, torch::Tensor& target) {
                const c10::IValue value = state.at(key);  // throws if torchvision lacks it
                target.copy_(value.toTensor());
                ++copied;
            };
            for (auto& item : network->named_parameters()) {
                copyByName(item.key(), item.value());
            }
            for (auto& item : network->named_buffers()) {
                copyByName(item.key(), item.value());
            }
            QCOMPARE(copied, state.size());
        }
        network->eval();
        torch::NoGradGuard noGrad;
        // The reference path: torchvision's arithmetic with the same kernels.
        network->setFastInference(false);
        const torch::Tensor logits = network->forward(input);
        QCOMPARE(logits.sizes(), expected.sizes());
        const double maxDiff = (logits - expected).abs().max().item<double>();
        QVERIFY2(maxDiff < 1e-4, QByteArray::number(maxDiff).constData());
        // The inference fast path (folded BN, channels-last, other kernels) rounds
        // differently: within 1e-5 of the logits' scale. These random networks' logits reach
        // the thousands, where float32's own error against a float64 forward is about 1e-3
        // in absolute terms for torchvision too.
        network->setFastInference(true);
        const torch::Tensor fast = network->forward(input);
        const double fastDiff = (fast - expected).abs().max().item<double>();
        const double scale = expected.abs().max().item<double>();
        QVERIFY2(fastDiff <= 1e-5 * scale,
                 qPrintable(QString("fast path: %1 at scale %2").arg(fastDiff).arg(scale)));
    }
};

QTEST_GUILESS_MAIN(TorchvisionForwardTest)
#include "tst_torchvision_forward.moc"
