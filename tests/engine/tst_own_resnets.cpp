// The user's own ResNet: files saved the ways PyTorch users save them (an OrderedDict
// state_dict, checkpoints wrapping one under "state_dict" or "net" with DataParallel's
// "module." prefix, safetensors, traced and scripted TorchScript, an archive laid out as
// PyTorch 2.x writes it), of networks written by their authors and not named like
// torchvision's (the blog post's ResNet-34, two CIFAR conventions, ResNeXt-50, Wide
// ResNet-50-2, a pre-activation network with names of its own). Each is recognised from its
// structure and must give PyTorch's logits, and at every block the output of a forward hook
// on the user's own module (fixtures/own_resnets.py). Non-ResNets and hostile pickles are
// refused with one line naming the module or the global.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest/QtTest>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "CliRunner.h"
#include "PythonFixture.h"
#include "model/checkpoint/CheckpointImport.h"
#include "model/runtime/InputError.h"
#endif

using namespace reslens;

namespace {

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) {
    return (a - b).abs().max().item<double>();
}

}  // namespace

class OwnResNetsTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    c10::impl::GenericDict reference_{c10::StringType::get(), c10::TensorType::get()};

    std::string path(const QString& name) const { return dir_.filePath(name).toStdString(); }

    QString importError(const QString& file, const ImportOptions& options = {}) const {
        try {
            importCheckpoint(path(file), options);
        } catch (const InputError& e) {
            return QString::fromStdString(e.what());
        }
        return {};
    }

    // Logits within 1e-5 of the largest logit; every block's output within 1e-4 of its largest
    // value (float32 sums over up to 4,608 products, through up to 16 blocks: about 1e-5 here;
    // a layer wired wrongly is off by the order of the values themselves).
    void expectPyTorchOutputs(ResNetImpl& network, const std::string& name, bool checkBlocks) {
        const torch::Tensor input = tensorAt(reference_, name + "/input");
        std::vector<torch::Tensor> outputs;
        std::vector<HookHandle> hooks;
        for (const auto& block : network.blocks()) {
            hooks.push_back(block->registerForwardHook(
                [&](const BlockTrace& trace) { outputs.push_back(trace.output.clone()); },
                TraceScope::InputAndOutput));
        }
        torch::NoGradGuard noGrad;
        const torch::Tensor logits = network.forward(input);
        const torch::Tensor expected = tensorAt(reference_, name + "/logits");
        const double scale = expected.abs().max().item<double>();
        QVERIFY2(maxAbsDiff(logits, expected) <= 1e-5 * scale,
                 qPrintable(QString("logits differ by %1 (largest %2)")
                                .arg(maxAbsDiff(logits, expected))
                                .arg(scale)));
        if (!checkBlocks) {
            return;
        }
        QCOMPARE(int64_t(outputs.size()), int64_t(network.blocks().size()));
        for (size_t i = 0; i < outputs.size(); ++i) {
            const torch::Tensor hooked = tensorAt(reference_, name + "/block/" + std::to_string(i));
            QCOMPARE(outputs[i].sizes().vec(), hooked.sizes().vec());
            const double blockScale = hooked.abs().max().item<double>();
            QVERIFY2(maxAbsDiff(outputs[i], hooked) <= 1e-4 * blockScale,
                     qPrintable(QString("block %1 (%2) differs by %3 (largest %4)")
                                    .arg(i)
                                    .arg(QString::fromStdString(network.blocks()[i]->info().name))
                                    .arg(maxAbsDiff(outputs[i], hooked))
                                    .arg(blockScale)));
        }
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const QString failure = runPythonFixture("own_resnets.py", {dir_.path()});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        reference_ = loadPickledDict(path("reference.pt"));
    }

    void matchesPyTorchAtEveryBlock_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<int>("stemPoolStride");  // -1: the default
        QTest::newRow("torchvision resnet18, OrderedDict") << "tv_resnet18.pth"
                                                           << "tv_resnet18" << -1;
        QTest::newRow("the same, laid out as PyTorch 2.x") << "tv_resnet18_v2.pth"
                                                           << "tv_resnet18" << -1;
        QTest::newRow("blog ResNet-34, state_dict") << "blog_resnet34.pth"
                                                    << "blog_resnet34" << 1;
        QTest::newRow("blog ResNet-34, traced") << "blog_resnet34.ts"
                                                << "blog_resnet34" << 1;
        QTest::newRow("ResNeXt-50 32x4d, scripted") << "resnext50.ts"
                                                    << "resnext50" << -1;
        QTest::newRow("Wide ResNet-50-2, state_dict") << "wide50.pth"
                                                      << "wide50" << -1;
        QTest::newRow("CIFAR option A, {state_dict: module.*}") << "cifar_a.th"
                                                                << "cifar_a" << -1;
        QTest::newRow("CIFAR option A padded at the end, traced") << "cifar_a_end.ts"
                                                                  << "cifar_a_end" << -1;
        QTest::newRow("CIFAR projections, {net: module.*}") << "cifar_b.pth"
                                                            << "cifar_b" << -1;
        QTest::newRow("CIFAR projections, safetensors") << "cifar_b.safetensors"
                                                        << "cifar_b" << -1;
        QTest::newRow("CIFAR bottlenecks, state_dict") << "cifar_b26.pth"
                                                       << "cifar_b26" << -1;
        QTest::newRow("pre-activation, own names, scripted") << "preact.ts"
                                                             << "preact" << -1;
    }

    void matchesPyTorchAtEveryBlock() {
        QFETCH(QString, file);
        QFETCH(QString, reference);
        QFETCH(int, stemPoolStride);
        ImportOptions options;
        if (stemPoolStride >= 0) {
            options.recognition.stemPoolStride = stemPoolStride;
        }
        CheckpointImport imported;
        try {
            imported = importCheckpoint(path(file), options);
        } catch (const InputError& e) {
            QFAIL(e.what());
        }
        expectPyTorchOutputs(*imported.network, reference.toStdString(), true);
        // The reference path (torchvision's arithmetic, no folding) agrees too.
        imported.network->setFastInference(false);
        expectPyTorchOutputs(*imported.network, reference.toStdString(), false);
    }

    // What each network is, from its authors' code (fixtures/own/*.py, torchvision).
    void recognisesTheArchitecture() {
        const auto blog = importCheckpoint(path("blog_resnet34.pth"), {}).recognized.config;
        QVERIFY(blog.blocksPerStage == std::vector<int>({3, 4, 6, 3}));
        QVERIFY(blog.stageWidths == std::vector<int>({128, 256, 512, 512}));
        QCOMPARE(blog.stemChannels(), 64);
        QCOMPARE(blog.stemKernel, 7);
        QCOMPARE(blog.stemPoolStride, 2);  // the default for a 7x7 stem; the post's is 1
        QVERIFY(blog.block == BlockKind::Basic && blog.shortcut == ShortcutOption::B);
        QCOMPARE(blog.arch, std::string("resnet34"));

        const auto resnext = importCheckpoint(path("resnext50.ts"), {}).recognized.config;
        QCOMPARE(resnext.groups, 32);
        QVERIFY(resnext.innerWidths == std::vector<int>({128, 256, 512, 1024}));
        QVERIFY(resnext.blocksPerStage == std::vector<int>({3, 4, 6, 3}));
        QCOMPARE(resnext.classes, 10);

        const auto wide = importCheckpoint(path("wide50.pth"), {}).recognized.config;
        QCOMPARE(wide.groups, 1);
        QVERIFY(wide.innerWidths == std::vector<int>({128, 256, 512, 1024}));
        QVERIFY(wide.stageWidths == std::vector<int>({64, 128, 256, 512}));

        const auto cifarA = importCheckpoint(path("cifar_a.th"), {});
        QVERIFY(cifarA.recognized.config.shortcut == ShortcutOption::A);
        QVERIFY(cifarA.recognized.config.zeroPad == ZeroPadPlacement::Both);
        QCOMPARE(cifarA.recognized.config.stemPoolStride, 0);
        QCOMPARE(cifarA.recognized.config.arch, std::string("resnet20"));
        QCOMPARE(cifarA.weightsPath, std::string("state_dict"));
        QCOMPARE(cifarA.strippedPrefix, std::string("module."));

        const auto cifarB = importCheckpoint(path("cifar_b.pth"), {});
        QCOMPARE(cifarB.weightsPath, std::string("net"));
        QVERIFY(cifarB.recognized.config.stageWidths == std::vector<int>({64, 128, 256, 512}));
        QVERIFY(cifarB.format == CheckpointFormat::TorchSave);
        QVERIFY(importCheckpoint(path("cifar_b.safetensors"), {}).format ==
                CheckpointFormat::Safetensors);

        const auto b26 = importCheckpoint(path("cifar_b26.pth"), {}).recognized.config;
        QVERIFY(b26.block == BlockKind::Bottleneck);
        QVERIFY(b26.blocksPerStage == std::vector<int>({2, 2, 2, 2}));
        QVERIFY(b26.innerWidths.empty());

        const auto preact = importCheckpoint(path("preact.ts"), {}).recognized;
        QVERIFY(preact.config.preact);
        QCOMPARE(preact.config.classes, 7);
        bool folded = false;
        for (const auto& row : preact.mapping) {
            folded =
                folded || row.note.find("minus the bias of 'body.0.0.conv_a'") != std::string::npos;
        }
        QVERIFY2(folded, "conv_a's bias should be folded into the following norm's mean");
    }

    // A TorchScript graph says what weights cannot: the blog post's stride-1 stem pool and
    // option A's zeros all at the end are read from the traced graphs, no flag needed.
    void torchScriptGraphsSayWhatWeightsCannot() {
        auto blog = importCheckpoint(path("blog_resnet34.ts"), {});
        QCOMPARE(blog.recognized.config.stemPoolStride, 1);
        expectPyTorchOutputs(*blog.network, "blog_resnet34", false);
        const auto end = importCheckpoint(path("cifar_a_end.ts"), {}).recognized;
        QVERIFY(end.config.zeroPad == ZeroPadPlacement::End);
        bool said = false;
        for (const auto& line : end.assumptions) {
            said = said || line.find("read from the TorchScript graph") != std::string::npos;
        }
        QVERIFY(said);
        // The same weights saved as a state dict cannot say it: the default is taken.
        QCOMPARE(importCheckpoint(path("blog_resnet34.pth"), {}).recognized.config.stemPoolStride,
                 2);
    }

    // Each block's graph says whether a ReLU follows the sum; a block whose graph disagrees
    // with how its weights read is refused rather than built wrongly.
    void blockGraphsMustAgreeWithTheWeights() {
        const FileWeights preact = readFileWeights(path("preact.ts"), "");
        QVERIFY(preact.graph.ends.at("body.0.0") == ForwardEnd::Add);
        const FileWeights blog = readFileWeights(path("blog_resnet34.ts"), "");
        QVERIFY(blog.graph.ends.at("layer1.0") == ForwardEnd::Relu);
        QVERIFY(readFileWeights(path("resnext50.ts"), "").graph.ends.at("layer3.2") ==
                ForwardEnd::Relu);
        RecognitionOptions options;
        options.blockEnds = preact.graph.ends;
        options.blockEnds["body.1.0"] = ForwardEnd::Relu;  // as if that block rectified its sum
        try {
            recognizeResNet(preact.located.weights, options, "'preact.ts'");
            QFAIL("a block that rectifies its sum was taken for a pre-activation block");
        } catch (const InputError& e) {
            QVERIFY2(QString(e.what()).contains("block 'body.1.0' ends in a ReLU after its sum"),
                     e.what());
        }
    }

    // The option-A padding matters: placed at the end, the same weights give other logits.
    void optionAPaddingIsTheUsersChoice() {
        ImportOptions options;
        options.recognition.zeroPad = ZeroPadPlacement::End;
        auto imported = importCheckpoint(path("cifar_a.th"), options);
        torch::NoGradGuard noGrad;
        const torch::Tensor logits =
            imported.network->forward(tensorAt(reference_, "cifar_a/input"));
        QVERIFY(maxAbsDiff(logits, tensorAt(reference_, "cifar_a/logits")) > 1e-3);
    }

    void severalCandidatesAreNamedAndChosen() {
        auto automatic = importCheckpoint(path("two_models.pth"), {});
        QCOMPARE(automatic.weightsPath, std::string("model"));
        QCOMPARE(automatic.candidates, (std::vector<std::string>{"model", "ema"}));
        expectPyTorchOutputs(*automatic.network, "tv_resnet18", false);
        ImportOptions ema;
        ema.key = "ema";
        auto chosen = importCheckpoint(path("two_models.pth"), ema);
        expectPyTorchOutputs(*chosen.network, "two_models_ema", false);
        ImportOptions wrong;
        wrong.key = "optimizer";
        const QString message = importError("two_models.pth", wrong);
        QVERIFY2(message.contains("no dict of tensors at 'optimizer' (it has: model, ema)"),
                 qPrintable(message));
    }

    void nonResNetsAreRefusedNamingTheModule_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("VGG") << "vgg.pth"
                             << "'features.2' follows the stem convolution 'features.0'";
        QTest::newRow("DenseNet-121") << "densenet.pth"
                                      << "'features.denseblock1.denselayer1";
        QTest::newRow("squeeze-and-excitation") << "squeeze_excite.pth"
                                                << "'layer1.0.excite.0' inside block 'layer1.0'";
    }

    void nonResNetsAreRefusedNamingTheModule() {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const QString message = importError(file);
        QVERIFY2(message.contains("is not a ResNet ResLens can rebuild"), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(!message.contains('\n'), qPrintable(message));
    }

    // A pickle that names a callable is refused by name, and nothing runs.
    void hostilePicklesAreRefusedAndNothingRuns() {
        QFile::remove("/tmp/reslens_hostile_ran");
        const QString hostile = importError("hostile.pth");
        QVERIFY2(hostile.contains("names 'posix.system'"), qPrintable(hostile));
        QVERIFY2(hostile.contains("nothing in the file was run"), qPrintable(hostile));
        QVERIFY(!QFile::exists("/tmp/reslens_hostile_ran"));
        const QString whole = importError("whole_model.pth");
        QVERIFY2(whole.contains("cifar_projection.ResNet'"), qPrintable(whole));
    }

    // The CLI: import with the user's preprocessing, then classify a PNG at the input size:
    // PyTorch's logits for ToTensor + Normalize(mean, std), with no resize.
    void cliImportThenClassifyGivesPyTorchLogits() {
        const QString model = dir_.filePath("cifar_b_reslens.pt");
        const CliRun imported = runCli({"import", dir_.filePath("cifar_b.pth"), "--mean",
                                        "0.5,0.4,0.3", "--std", "0.2,0.25,0.3", "--out", model});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY2(imported.out.contains("took the weights under 'net'") ||
                     imported.out.contains("recognised from its structure"),
                 imported.out.constData());
        const CliRun classified =
            runCli({"classify", "--model", model, dir_.filePath("cifar_b_image.png"),
                    "--whole-image", "--json"});
        QVERIFY2(classified.exitCode == 0, classified.err.constData());
        const QJsonArray logits = QJsonDocument::fromJson(classified.out)
                                      .object()["results"]
                                      .toArray()[0]
                                      .toObject()["logits"]
                                      .toArray();
        const torch::Tensor expected = tensorAt(reference_, "cifar_b/png_logits");
        QCOMPARE(int64_t(logits.size()), expected.numel());
        const double scale = expected.abs().max().item<double>();
        for (int i = 0; i < logits.size(); ++i) {
            QVERIFY2(std::abs(logits[i].toDouble() - expected[i].item<double>()) <= 1e-5 * scale,
                     qPrintable(QString("logit %1: %2 vs %3")
                                    .arg(i)
                                    .arg(logits[i].toDouble())
                                    .arg(expected[i].item<double>())));
        }
        // --explain names every key's place; a wrong flag is one line, exit 2.
        const CliRun explained = runCli({"import", dir_.filePath("cifar_a.th"), "--explain"});
        QVERIFY2(explained.exitCode == 0, explained.err.constData());
        QVERIFY2(explained.out.contains("layer2.0.conv1.weight") &&
                     explained.out.contains("linear.weight") &&
                     explained.out.contains("fc.weight") &&
                     explained.out.contains("assumed: shortcut option A"),
                 explained.out.constData());
        QVERIFY(
            runCli({"import", dir_.filePath("cifar_a.th"), "--stem-pool-stride", "7", "--explain"})
                .isOneLineUsageError());
        QVERIFY(runCli({"import", dir_.filePath("vgg.pth"), "--explain"}).isOneLineUsageError());
    }

    // The lesion study runs on a user's network: the blog post's ResNet-34, imported from its
    // traced file (the graph gives the stride-1 pool; the input size, 32x32, is the user's to
    // state: a 7x7 stem defaults to ImageNet's 224x224), studied by reslens-cli lesion on an
    // image folder, gives PyTorch's accuracy with each of its 16 blocks bypassed.
    void theLesionStudyRunsOnTheBlogNetwork() {
        const QString model = dir_.filePath("blog_reslens.pt");
        const CliRun imported =
            runCli({"import", dir_.filePath("blog_resnet34.ts"), "--input", "32x32", "--mean",
                    "0.5,0.5,0.5", "--std", "0.25,0.25,0.25", "--out", model});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const CliRun lesion = runCli({"lesion", "--model", model, "--data",
                                      "folder:" + dir_.filePath("blog_folder"), "--json"});
        QVERIFY2(lesion.exitCode == 0, lesion.err.constData());
        const QJsonObject study = QJsonDocument::fromJson(lesion.out).object();
        QCOMPARE(study["baseline_accuracy"].toDouble(), 0.5);
        const QJsonArray blocks = study["blocks"].toArray();
        const torch::Tensor expected = tensorAt(reference_, "blog_lesion/accuracy");
        QCOMPARE(int64_t(blocks.size()), expected.numel());
        for (int i = 0; i < blocks.size(); ++i) {
            const QJsonObject block = blocks[i].toObject();
            // k of 20 images: PyTorch counted in float32, hence 1e-6 and not exact.
            QVERIFY2(std::abs(block["accuracy"].toDouble() - expected[i].item<double>()) < 1e-6,
                     qPrintable(QString("%1: %2 vs PyTorch %3")
                                    .arg(block["name"].toString())
                                    .arg(block["accuracy"].toDouble())
                                    .arg(expected[i].item<double>())));
        }
    }

    // safetensors offsets are checked against the file: a header pointing past the end, or a
    // file cut short, is one line.
    void damagedSafetensorsAreOneLine() {
        QFile source(dir_.filePath("cifar_b.safetensors"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray bytes = source.readAll();
        QFile cut(dir_.filePath("cut.safetensors"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() / 2));
        cut.close();
        const QString message = importError("cut.safetensors");
        QVERIFY2(message.contains("lies outside the file"), qPrintable(message));
        QVERIFY2(!message.contains('\n'), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(OwnResNetsTest)
#include "tst_own_resnets.moc"
