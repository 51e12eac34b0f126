// torchvision ResNets exported from Python (TorchScript, scripted and traced, and a plain
// state_dict), imported, and run on image files through ResLens's own decoding and
// preprocessing, give torchvision's logits: the whole path from file to prediction matches
// torchvision's eval transform on PIL images. References from fixtures/torchvision_classify.py.

#include <QTemporaryDir>
#include <QtTest/QtTest>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "PythonFixture.h"
#include "imaging/ImageDecoder.h"
#include "imaging/ImagePreprocessor.h"
#include "model/data/Preprocessing.h"
#include "model/files/TorchvisionImport.h"
#include "model/runtime/InputError.h"
#endif

using namespace reslens;

class TorchvisionImportTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

    torch::Tensor logitsOf(ResNetImpl& network, const char* image) const {
        const PreparedImage prepared =
            prepareImage(decodeImageFile(path(image)), Preprocessing::imagenet());
        torch::NoGradGuard noGrad;
        return network.forward(prepared.tensor.unsqueeze(0))[0];
    }

    // The error message of importing `file`, or empty when it did not fail.
    QString importError(const char* file) const {
        try {
            importTorchvision(path(file), std::nullopt);
        } catch (const InputError& e) {
            return QString::fromStdString(e.what());
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const QString failure = runPythonFixture("torchvision_classify.py", {dir_.path()});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void logitsMatchTorchvisionFromImageFile_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("image");
        QTest::newRow("resnet18 scripted, 256x256 (no resize)") << "resnet18"
                                                                << "square.png";
        QTest::newRow("resnet18 scripted, 300x457 (resize)") << "resnet18"
                                                             << "photo.png";
        QTest::newRow("resnet50 traced, 256x256 (no resize)") << "resnet50"
                                                              << "square.png";
        QTest::newRow("resnet50 traced, 300x457 (resize)") << "resnet50"
                                                           << "photo.png";
    }

    void logitsMatchTorchvisionFromImageFile() {
        QFETCH(QString, arch);
        QFETCH(QString, image);
        ImportedNetwork imported = importTorchvision(path(qPrintable(arch + ".ts")), std::nullopt);
        QVERIFY(imported.detected);
        QCOMPARE(QString::fromStdString(imported.network->config().arch), arch);

        const auto reference = loadPickledDict(path("reference.pt"));
        const torch::Tensor expected = tensorAt(reference, (arch + "/" + image).toStdString());
        // The reference path computes as torchvision does: the same kernels, so the same
        // tolerance with and without resizing (the resize reproduces Pillow's fixed-point
        // bilinear filter exactly, so no interpolation error enters).
        imported.network->setFastInference(false);
        const torch::Tensor logits = logitsOf(*imported.network, qPrintable(image));
        const double maxDiff = (logits - expected).abs().max().item<double>();
        QVERIFY2(maxDiff < 1e-4, qPrintable(QString("max |diff| %1").arg(maxDiff)));
        // The fast path (folded BN, other kernels) rounds differently: within 1e-5 of the
        // logits' scale (these random networks' logits reach the thousands, where float32's
        // own rounding, torchvision's included, is already 1e-3 in absolute terms).
        imported.network->setFastInference(true);
        const torch::Tensor fast = logitsOf(*imported.network, qPrintable(image));
        const double fastDiff = (fast - expected).abs().max().item<double>();
        const double scale = expected.abs().max().item<double>();
        QVERIFY2(
            fastDiff <= 1e-5 * scale,
            qPrintable(QString("fast path: max |diff| %1 at scale %2").arg(fastDiff).arg(scale)));
    }

    void detectsEveryArchitectureDetail() {
        const TensorMap state = readTorchvisionState(path("resnet50.ts"));
        const ResNetConfig config = detectArchitecture(state, "resnet50.ts");
        const ResNetConfig expected = ResNetConfig::fromArchName("resnet50");
        QVERIFY(config.blocksPerStage == expected.blocksPerStage);
        QVERIFY(config.block == BlockKind::Bottleneck);
        QVERIFY(config.shortcut == ShortcutOption::B);
        QCOMPARE(config.inChannels, 3);
        QCOMPARE(config.classes, 1000);
        QVERIFY(config.batchNorm);
        // Every parameter and buffer of the file is in the network (none left over).
        QCOMPARE(state.size(), stateDict(*ResNet(config)).size());
    }

    // A plain dict of tensors and the OrderedDict state_dict() returns (torchvision's own
    // .pth downloads) give the very weights of the TorchScript export.
    void importsStateDictsToo() {
        const ImportedNetwork fromScript = importTorchvision(path("resnet18.ts"), std::nullopt);
        for (const char* file : {"resnet18_state_dict.pth", "resnet18_ordered_dict.pth"}) {
            const ImportedNetwork fromStateDict = importTorchvision(path(file), std::nullopt);
            for (const auto& [name, tensor] : stateDict(*fromScript.network)) {
                QVERIFY2(torch::equal(tensor, stateDict(*fromStateDict.network).at(name)),
                         name.c_str());
            }
        }
    }

    void givenArchitectureMustFit() {
        const auto config = ResNetConfig::fromArchName("resnet34");
        try {
            importTorchvision(path("resnet18.ts"), config);
            QFAIL("resnet18 weights went into resnet34");
        } catch (const InputError& e) {
            // resnet34 has 8 more basic blocks (1 + 2 + 4 + 1), each with 2 convolution
            // weights and 2 batch norms of 5 tensors: 96 keys.
            const QString message = e.what();
            QVERIFY2(message.contains("does not fit resnet34: missing layer1.2."), e.what());
            QVERIFY2(message.contains("(96 in all)"), e.what());
            QVERIFY2(!message.contains("unexpected"), e.what());
        }
    }

    void namesExactlyWhatDoesNotMatch() {
        const QString missing = importError("missing_key.ts");
        QVERIFY2(missing.contains("no classifier (a linear layer) after the last block 'layer4.1'"),
                 qPrintable(missing));
        const QString wrong = importError("wrong_shape.ts");
        QVERIFY2(wrong.contains("block 'layer1.0' (input 64 channels) is neither a basic block") &&
                     wrong.contains("layer1.0.conv1 [64x64x1x1]"),
                 qPrintable(wrong));
        const QString notResnet = importError("not_resnet.ts");
        QVERIFY2(notResnet.contains("no residual blocks"), qPrintable(notResnet));
        const QString notTorch = importError("square.png");
        QVERIFY2(notTorch.contains("is neither a PyTorch checkpoint (torch.save), a safetensors "
                                   "file nor a TorchScript module"),
                 qPrintable(notTorch));
    }
};

QTEST_GUILESS_MAIN(TorchvisionImportTest)
#include "tst_torchvision_import.moc"
