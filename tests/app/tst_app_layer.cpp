// The application layer under both faces, without a QApplication: every model source of the
// catalog, the one label rule, provenance, the training recipe and the paired-run set-up, a
// classify + capture round through the explorer service, and the thread-count rule.
// References: torchvision's logits (fixtures/app_layer_models.py), torchvision's ImageNet
// class list (tench ... toilet tissue), Fashion-MNIST's class names and the gallery's file
// names, and arithmetic on the grid layout.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <atomic>
#include <thread>

#ifdef __GLIBC__
#include <malloc.h>
#endif

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "CliRunner.h"
#include "PythonFixture.h"
#include "ResidentMemory.h"
#include "app/core/explorer/ExplorerSession.h"
#include "app/core/models/DirectoryResources.h"
#include "app/core/models/LabelRule.h"
#include "app/core/models/ModelCatalog.h"
#include "app/core/models/Provenance.h"
#include "app/core/models/ShippedModels.h"
#include "app/core/runtime/ComputeThreads.h"
#include "app/core/runtime/MemoryBudget.h"
#include "app/core/studies/ModelEvaluation.h"
#include "app/core/training/TrainingRecipe.h"
#include "app/core/training/TrainingSetup.h"
#include "imaging/ImageDecoder.h"
#include "model/data/BuiltinDatasets.h"
#include "model/runtime/InputError.h"
#include "model/tracing/FeatureCaptureProbe.h"
#endif

using namespace reslens;
using reslens::testing::residentBytes;

namespace {

const std::vector<std::string> kFashionClasses = {"T-shirt/top", "Trouser",   "Pullover", "Dress",
                                                  "Coat",        "Sandal",    "Shirt",    "Sneaker",
                                                  "Bag",         "Ankle boot"};

QString errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

bool sameParameters(const ResNetImpl& a, const ResNetImpl& b) {
    const auto pa = a.named_parameters();
    const auto pb = b.named_parameters();
    if (pa.size() != pb.size()) {
        return false;
    }
    for (const auto& p : pa) {
        const torch::Tensor* other = pb.find(p.key());
        if (!other || !torch::equal(p.value().cpu(), other->cpu())) {
            return false;
        }
    }
    return true;
}

torch::Tensor logitsOf(ResNetImpl& network, const torch::Tensor& input) {
    torch::NoGradGuard noGrad;
    return network.forward(input);
}

std::vector<char> textBytes(const std::string& text) {
    return std::vector<char>(text.begin(), text.end());
}

}  // namespace

class AppLayerTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    DirectoryResources shipped_{RESLENS_SOURCE_RESOURCES};
    DirectoryResources empty_{"/nonexistent-reslens-resources"};

    std::string path(const QString& name) const { return dir_.filePath(name).toStdString(); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const QString failure = runPythonFixture("app_layer_models.py", {dir_.path()});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // --- model sources -------------------------------------------------------------------

    void shippedModelsOpenFromTheResourceSource() {
        const ModelCatalog catalog(shipped_);
        for (const ShippedModel& entry : shippedModels()) {
            const LoadedModel model = catalog.open(ModelRequest::shipped(entry.name));
            QCOMPARE(model.metadata.labels, kFashionClasses);
            QCOMPARE(model.metadata.config.inChannels, 1);
            QVERIFY(findShippedModel(entry.twin) != nullptr);
            LoadedModel direct =
                loadModel(std::string(RESLENS_SOURCE_RESOURCES) + "/" + entry.resourcePath);
            QVERIFY(sameParameters(*model.network, *direct.network));
        }
        QCOMPARE(catalog.open(ModelRequest::shipped("default")).metadata.config.arch,
                 std::string("resnet20"));
        QCOMPARE(catalog.open(ModelRequest::shipped("default-plain")).metadata.config.arch,
                 std::string("plain20"));
    }

    void aMissingOrUnknownShippedModelIsNamed() {
        const QString missing =
            errorOf([&] { ModelCatalog(empty_).open(ModelRequest::shipped("default")); });
        QVERIFY2(missing.contains("shipped default model is not there"), qPrintable(missing));
        const QString unknown =
            errorOf([&] { ModelCatalog(shipped_).open(ModelRequest::shipped("deepest")); });
        QVERIFY2(
            unknown.contains("no shipped model 'deepest'") && unknown.contains("default-plain"),
            qPrintable(unknown));
    }

    void fileAndMemorySourcesGiveTheSameNetwork() {
        const ModelCatalog catalog(shipped_);
        LoadedModel original = catalog.open(ModelRequest::shipped("default"));
        const std::vector<char> bytes = serializeModel(*original.network, original.metadata);
        saveModel(path("copy.pt"), *original.network, original.metadata);

        LoadedModel fromFile = catalog.open(ModelRequest::file(path("copy.pt")));
        LoadedModel fromMemory = catalog.open(ModelRequest::memory("trained in the lab", bytes));
        const torch::Tensor input = torch::randn({3, 1, 28, 28});
        const torch::Tensor expected = logitsOf(*original.network, input);
        QVERIFY(torch::equal(logitsOf(*fromFile.network, input), expected));
        QVERIFY(torch::equal(logitsOf(*fromMemory.network, input), expected));
        QCOMPARE(fromMemory.metadata.provenance, original.metadata.provenance);

        const QString broken = errorOf(
            [&] { catalog.open(ModelRequest::memory("broken", textBytes("not a model"))); });
        QVERIFY2(broken.contains("not a ResLens model file"), qPrintable(broken));
    }

    void torchScriptImportsGiveTorchvisionsLogits_data() {
        QTest::addColumn<int>("classes");
        QTest::addColumn<QString>("firstLabel");
        QTest::addColumn<QString>("lastLabel");
        QTest::newRow("1000 classes: ImageNet-1k") << 1000 << "tench"
                                                   << "toilet tissue";
        QTest::newRow("10 classes: numbered") << 10 << "class 0"
                                              << "class 9";
    }

    void torchScriptImportsGiveTorchvisionsLogits() {
        QFETCH(int, classes);
        QFETCH(QString, firstLabel);
        QFETCH(QString, lastLabel);
        const std::string file = path(QString("resnet18_%1.ts").arg(classes));
        LoadedModel model = ModelCatalog(shipped_).open(ModelRequest::torchScript(file));
        const auto reference = loadPickledDict(path(QString("reference_%1.pt").arg(classes)));
        const torch::Tensor logits = logitsOf(*model.network, tensorAt(reference, "input"));
        QVERIFY(torch::allclose(logits, tensorAt(reference, "logits"), 1e-4, 1e-4));

        QCOMPARE(model.metadata.labels.size(), size_t(classes));
        QCOMPARE(QString::fromStdString(model.metadata.labels.front()), firstLabel);
        QCOMPARE(QString::fromStdString(model.metadata.labels.back()), lastLabel);
        const nlohmann::json& provenance = model.metadata.provenance;
        QCOMPARE(provenance["source"].get<std::string>(), std::string("torchvision import"));
        QCOMPARE(provenance["file"].get<std::string>(), file);
        QCOMPARE(provenance["architecture_detected"].get<bool>(), true);
        QVERIFY(!provenance.contains("command"));  // no command opened it
    }

    void freshNetworksFollowTheLabelRule() {
        const ModelCatalog catalog(shipped_);
        ResNetConfig cifar = ResNetConfig::fromArchName("resnet20");
        LoadedModel small = catalog.open(ModelRequest::fresh(cifar));
        QCOMPARE(small.metadata.labels.front(), std::string("class 0"));
        QCOMPARE(small.metadata.provenance, nlohmann::json({{"source", "fresh weights"}}));
        QCOMPARE(small.metadata.preprocessing.name, std::string("cifar10"));

        LoadedModel imagenet =
            catalog.open(ModelRequest::fresh(ResNetConfig::fromArchName("resnet18")));
        QCOMPARE(imagenet.metadata.labels.front(), std::string("tench"));

        // Without its label list a 1000-class network is refused, not numbered quietly.
        const QString refused = errorOf([&] {
            ModelCatalog(empty_).open(ModelRequest::fresh(ResNetConfig::fromArchName("resnet18")));
        });
        QVERIFY2(refused.contains("ImageNet labels are not there"), qPrintable(refused));

        ResNetConfig impossible = cifar;
        impossible.classes = 0;
        QVERIFY(!errorOf([&] { catalog.open(ModelRequest::fresh(impossible)); }).isEmpty());
    }

    // --- the label rule --------------------------------------------------------------------

    void labelRule_data() {
        QTest::addColumn<int>("classes");
        QTest::addColumn<QString>("choice");  // "", "imagenet" or a file's contents after "file:"
        QTest::addColumn<bool>("withResources");
        QTest::addColumn<QString>("expected");  // first and last label, or "error: <text>"

        QTest::newRow("1000, automatic") << 1000 << "" << true << "tench|toilet tissue";
        QTest::newRow("10, automatic") << 10 << "" << true << "class 0|class 9";
        QTest::newRow("10, automatic, no resources") << 10 << "" << false << "class 0|class 9";
        QTest::newRow("1000, automatic, no label list")
            << 1000 << "" << false << "error: ImageNet labels are not there";
        QTest::newRow("imagenet for 10 classes")
            << 10 << "imagenet" << true << "error: need 1000 classes; the network has 10";
        QTest::newRow("file, one name per class (CRLF)") << 3 << "file:cat\r\ndog\r\n\r\nbird\r\n"
                                                         << true << "cat|bird";
        QTest::newRow("file, too few names")
            << 3 << "file:cat\ndog\n"
            << true << "error: has 2 labels but the network has 3 classes";
        QTest::newRow("file, 1000 names win over ImageNet's")
            << 1000 << "file:" + QString("x\n").repeated(999) + "last\n"
            << true << "x|last";
    }

    void labelRule() {
        QFETCH(int, classes);
        QFETCH(QString, choice);
        QFETCH(bool, withResources);
        QFETCH(QString, expected);
        LabelChoice labels = LabelChoice::parse(choice.toStdString());
        if (choice.startsWith("file:")) {
            const QString file = dir_.filePath("labels.txt");
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(choice.mid(5).toUtf8());
            out.close();
            labels = LabelChoice::parse(file.toStdString());
            QCOMPARE(int(labels.kind), int(LabelChoice::Kind::File));
        }
        const ResourceSource& resources =
            withResources ? static_cast<const ResourceSource&>(shipped_) : empty_;
        std::vector<std::string> result;
        const QString error = errorOf([&] { result = labelsFor(classes, labels, resources); });
        if (expected.startsWith("error: ")) {
            QVERIFY2(error.contains(expected.mid(7)), qPrintable(error));
            return;
        }
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(result.size(), size_t(classes));
        QCOMPARE(QString::fromStdString(result.front() + "|" + result.back()), expected);
    }

    void aMissingLabelsFileIsNamed() {
        const QString error =
            errorOf([&] { labelsFor(10, LabelChoice::parse(path("absent.txt")), shipped_); });
        QVERIFY2(error.contains("cannot read the labels file") && error.contains("absent.txt"),
                 qPrintable(error));
    }

    // The CLI's import and the app's catalog are one code path: the same labels, the same
    // provenance, for both kinds of network.
    void cliImportWritesWhatTheCatalogOpens() {
        for (int classes : {1000, 10}) {
            const QString ts = dir_.filePath(QString("resnet18_%1.ts").arg(classes));
            const QString out = dir_.filePath(QString("imported_%1.pt").arg(classes));
            const CliRun run = runCli({"import", ts, "--out", out});
            QVERIFY2(run.exitCode == 0, run.err.constData());
            const LoadedModel viaCli = loadModel(out.toStdString());
            const LoadedModel viaCatalog =
                ModelCatalog(shipped_).open(ModelRequest::torchScript(ts.toStdString()));
            QCOMPARE(viaCli.metadata.labels, viaCatalog.metadata.labels);
            QCOMPARE(metadataToJson(viaCli.metadata)["preprocessing"],
                     metadataToJson(viaCatalog.metadata)["preprocessing"]);
            nlohmann::json cli = viaCli.metadata.provenance, app = viaCatalog.metadata.provenance;
            QVERIFY(cli["command"].get<std::string>().find("import") != std::string::npos);
            for (nlohmann::json* p : {&cli, &app}) {
                p->erase("command");
                p->erase("created");
            }
            QCOMPARE(cli, app);
        }
    }

    // --- provenance and the training recipe -------------------------------------------------

    void trainingProvenanceRecordsTheRecipe() {
        TrainingRecipe recipe;
        recipe.training.batch = 64;
        recipe.training.learningRate = 0.05;
        recipe.training.momentum = 0.8;
        recipe.training.weightDecay = 5e-4;
        recipe.training.schedule = LearningRateSchedule::Cosine;
        recipe.training.augment = false;
        recipe.training.seed = 7;
        recipe.device = "cpu";
        recipe.source = "reslens-cli train";
        recipe.commandLine = "reslens-cli train --arch resnet20";
        nlohmann::json p = trainingProvenance(recipe, "fashion-mnist:train", 60000, 938);
        QCOMPARE(p["source"].get<std::string>(), std::string("reslens-cli train"));
        QCOMPARE(p["command"].get<std::string>(), recipe.commandLine);
        QCOMPARE(p["dataset"].get<std::string>(), std::string("fashion-mnist:train"));
        QCOMPARE(p["training_samples"].get<int64_t>(), int64_t(60000));
        QCOMPARE(p["steps"].get<int64_t>(), int64_t(938));
        QCOMPARE(p["batch"].get<int>(), 64);
        QCOMPARE(p["learning_rate"].get<double>(), 0.05);
        QCOMPARE(p["momentum"].get<double>(), 0.8);
        QCOMPARE(p["weight_decay"].get<double>(), 5e-4);
        QCOMPARE(p["schedule"].get<std::string>(), std::string("cosine"));
        QCOMPARE(p["augment"].get<bool>(), false);
        QCOMPARE(p["seed"].get<uint64_t>(), uint64_t(7));
        QCOMPARE(p["torch"].get<std::string>(), std::string(TORCH_VERSION));

        recordOutcome(p, RunStatus::Diverged, 12);
        QCOMPARE(p["status"].get<std::string>(), std::string("diverged"));
        QCOMPARE(p["steps_done"].get<int64_t>(), int64_t(12));
        QVERIFY(!p.contains("train_seconds"));
        recordOutcome(p, RunStatus::Finished, 938, 61.5);
        QCOMPARE(p["train_seconds"].get<double>(), 61.5);
        QVERIFY(QRegularExpression("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$")
                    .match(QString::fromStdString(p["created"].get<std::string>()))
                    .hasMatch());
        recordTestResult(p, "fashion-mnist:test", 0.9, 0.3);
        QCOMPARE(p["test_accuracy"].get<double>(), 0.9);

        // The lab's runs say the same things, without a command.
        TrainingRecipe lab =
            TrainingRecipe::forLab(ResNetConfig::fromArchName("resnet20"),
                                   DataSpec::parse("fashion-mnist"), 300, 128, 0.1, 1);
        const nlohmann::json labProvenance =
            trainingProvenance(lab, "fashion-mnist:train", 60000, 300);
        QCOMPARE(labProvenance["source"].get<std::string>(), std::string("ResLens training lab"));
        QVERIFY(!labProvenance.contains("command"));
        for (const auto& item : p.items()) {
            const bool afterRun = item.key() == "status" || item.key() == "steps_done" ||
                                  item.key() == "train_seconds" || item.key() == "created" ||
                                  item.key().rfind("test_", 0) == 0 || item.key() == "command";
            QVERIFY2(afterRun || labProvenance.contains(item.key()), item.key().c_str());
        }
        const std::string text = describeProvenance(p);
        QVERIFY(text.find("dataset: fashion-mnist:train") != std::string::npos);
        QVERIFY(text.find("test_accuracy: 0.9") != std::string::npos);
    }

    void recipeMapsToTrainingOptions() {
        const TrainingRecipe lab =
            TrainingRecipe::forLab(ResNetConfig::fromArchName("resnet56"),
                                   DataSpec::parse("fashion-mnist"), 300, 96, 0.05, 3);
        const TrainingOptions o = lab.options(Preprocessing::fashionMnist());
        QCOMPARE(int(o.schedule), int(LearningRateSchedule::Cosine));
        QCOMPARE(o.warmupSteps, int64_t(30));  // a tenth of the run
        QCOMPARE(o.weightDecay, 5e-4);
        QCOMPARE(o.steps, int64_t(300));
        QCOMPARE(o.batch, 96);
        QCOMPARE(o.learningRate, 0.05);
        QCOMPARE(o.seed, uint64_t(3));
        QCOMPARE(o.cropPadding, 2);  // 28x28: 2 pixels
        QCOMPARE(o.mean, Preprocessing::fashionMnist().mean);
        QCOMPARE(o.std, Preprocessing::fashionMnist().std);
        QCOMPARE(TrainingRecipe::forLab({}, {}, 5, 128, 0.1, 1).training.warmupSteps, int64_t(1));

        TrainingRecipe cli;  // reslens-cli's defaults: He et al. 2015's recipe
        const TrainingOptions c = cli.options(Preprocessing::cifar10());
        QCOMPARE(int(c.schedule), int(LearningRateSchedule::Step));
        QCOMPARE(c.cropPadding, 4);  // 32x32: 4 pixels (He et al. 2015 §4.2)
        QCOMPARE(c.weightDecay, 1e-4);
        QCOMPARE(c.momentum, 0.9);
        QCOMPARE(c.batch, 128);
        cli.cropPadding = 0;
        QCOMPARE(cli.options(Preprocessing::cifar10()).cropPadding, 0);
        cli.training.batch = 0;
        QVERIFY(!errorOf([&] { cli.options(Preprocessing::cifar10()); }).isEmpty());
    }

    void pairedRunSetUp() {
        TrainingRecipe recipe =
            TrainingRecipe::forLab(ResNetConfig::fromArchName("resnet20"),
                                   DataSpec::parse("fashion-mnist"), 4, 16, 0.1, 5);
        recipe.subset = 64;
        recipe.withPlainTwin = true;
        const PreparedTraining prepared = prepareTraining(recipe, /*loadTestSplit=*/true);
        QCOMPARE(prepared.data.size(), int64_t(64));
        QVERIFY(prepared.test.has_value());
        QCOMPARE(prepared.test->size(), int64_t(10000));
        QCOMPARE(prepared.config.inChannels, 1);  // fitted to the data
        QCOMPARE(prepared.config.inputHeight, 28);
        QCOMPARE(prepared.config.classes, 10);
        QCOMPARE(prepared.networks.size(), size_t(2));
        QCOMPARE(prepared.networks[0]->config().arch, std::string("resnet20"));
        QCOMPARE(prepared.networks[1]->config().arch, std::string("plain20"));
        QCOMPARE(prepared.networks[1]->config().skip, false);
        QCOMPARE(prepared.blockNames.size(), size_t(9));
        QCOMPARE(prepared.totalSteps, int64_t(4));
        // Same start: every tensor the two share (all but none, with option A) is equal.
        const auto twin = prepared.networks[1]->named_parameters();
        int shared = 0;
        for (const auto& p : prepared.networks[0]->named_parameters()) {
            if (const torch::Tensor* other = twin.find(p.key())) {
                QVERIFY2(torch::equal(p.value(), *other), p.key().c_str());
                ++shared;
            }
        }
        QCOMPARE(shared, int(twin.size()));
        for (const ModelMetadata& m : prepared.metadata) {
            QCOMPARE(m.labels, kFashionClasses);
            QCOMPARE(m.provenance["steps"].get<int64_t>(), int64_t(4));
            QCOMPARE(m.provenance["training_samples"].get<int64_t>(), int64_t(64));
        }
        // The same seed gives the same start.
        const PreparedTraining again = prepareTraining(recipe, false);
        QVERIFY(sameParameters(*again.networks[0], *prepared.networks[0]));

        TrainingRecipe wrongClasses = recipe;
        wrongClasses.architecture.classes = 5;
        wrongClasses.classesGiven = true;
        const QString error = errorOf([&] { prepareTraining(wrongClasses, false); });
        QVERIFY2(error.contains("--classes 5 does not match the data (10)"), qPrintable(error));
        TrainingRecipe badDevice = recipe;
        badDevice.device = "gpu7";
        QVERIFY(!errorOf([&] { prepareTraining(badDevice, false); }).isEmpty());
    }

    void evaluationChecksTheDataAgainstTheModel() {
        LoadedModel model = ModelCatalog(shipped_).open(ModelRequest::shipped("default"));
        // Eleven classes of one image each, for a ten-class model.
        const QString root = dir_.filePath("eleven");
        const QString sample = QStringLiteral(RESLENS_SOURCE_RESOURCES
                                              "/samples/fashion-mnist/0-t-shirt-top-0019.png");
        for (int c = 0; c < 11; ++c) {
            const QString folder = root + QString("/class%1").arg(c, 2, 10, QChar('0'));
            QVERIFY(QDir().mkpath(folder));
            QVERIFY(QFile::copy(sample, folder + "/a.png"));
        }
        const QString error =
            errorOf([&] { evaluateModel(model, DataSpec::parse("folder:" + root.toStdString())); });
        QVERIFY2(error.contains("has 11 classes; the model knows 10"), qPrintable(error));

        // Ten classes: evaluated, one image each, all the same T-shirt (class 0).
        QVERIFY(QDir(root + "/class10").removeRecursively());
        const ModelEvaluation e =
            evaluateModel(model, DataSpec::parse("folder:" + root.toStdString()));
        QCOMPARE(e.result.samples, int64_t(10));
        // The shipped model calls this T-shirt a T-shirt (class 0, 99.9%), so only the copy
        // filed under class00 is right.
        QCOMPARE(e.result.accuracy, 0.1);
    }

    // --- the explorer service ---------------------------------------------------------------

    void classifyAndCaptureRound() {
        ExplorerSession session(shipped_, /*captureFeatures=*/true);
        const OpenedModel opened = session.open(ModelRequest::shipped("default"));
        QCOMPARE(opened.blockNames.size(), size_t(9));
        QCOMPARE(opened.labels, kFashionClasses);
        QCOMPARE(int(session.render({}).status), int(BlockRendering::Status::NoImageYet));

        // The gallery: <class index>-<name>-<test index>.png, 10 per class.
        const QDir gallery(RESLENS_SOURCE_RESOURCES "/samples/fashion-mnist");
        int right = 0, total = 0;
        std::vector<DecodedImage> images;
        std::vector<ClassificationResult> one;
        for (const QString& name : gallery.entryList({"*.png"}, QDir::Files, QDir::Name)) {
            images.push_back(decodeImageFile(gallery.filePath(name).toStdString()));
            one.push_back(session.classify(images.back(), 3));
            right += one.back().top.front().index == name.section('-', 0, 0).toInt();
            ++total;
        }
        QCOMPARE(total, 100);
        // The model is 93.93% right on the test split; the gallery is 100 of those images.
        QVERIFY2(right >= 85, qPrintable(QString("%1 of 100 right").arg(right)));
        const std::vector<ClassificationResult> all = session.classifyAll(images, 3);
        QCOMPARE(all.size(), one.size());
        for (size_t i = 0; i < all.size(); ++i) {
            QCOMPARE(all[i].top.front().index, one[i].top.front().index);
            for (size_t k = 0; k < all[i].logits.size(); ++k) {
                QVERIFY(std::abs(all[i].logits[k] - one[i].logits[k]) < 1e-4);
            }
        }

        // The last classify() was the last gallery image; capture it independently.
        const ClassificationResult& last = one.back();
        QCOMPARE(last.blocks.size(), size_t(9));
        QCOMPARE(last.inputShape, (std::vector<int64_t>{1, 28, 28}));
        QCOMPARE(last.top.front().label, kFashionClasses[size_t(last.top.front().index)]);
        const QString lastFile =
            gallery.filePath(gallery.entryList({"*.png"}, QDir::Files, QDir::Name).back());
        {
            // Capturing changes nothing: a session without it gives the same logits.
            ExplorerSession uncaptured(shipped_, /*captureFeatures=*/false);
            uncaptured.open(ModelRequest::shipped("default"));
            const ClassificationResult r =
                uncaptured.classify(decodeImageFile(lastFile.toStdString()), 1);
            QCOMPARE(r.logits, last.logits);
            QCOMPARE(int(uncaptured.render({}).status), int(BlockRendering::Status::NoImageYet));
        }

        BlockQuery query;
        query.entry = session.entryOf("layer2.0");
        query.tensor = TensorKind::Residual;
        const BlockRendering rendering = session.render(query);
        QCOMPARE(int(rendering.status), int(BlockRendering::Status::Rendered));
        QCOMPARE(rendering.blockName, std::string("layer2.0"));
        QCOMPARE(rendering.shape, (std::vector<int64_t>{32, 14, 14}));
        // 32 tiles of 14x14 enlarged 3x (the smallest factor reaching 32 px), in a 6x6 grid
        // with 1-pixel gaps: 6 * 42 + 5 = 257 pixels a side.
        QCOMPARE(rendering.tileWidth, 42);
        QCOMPARE(rendering.columns, 6);
        QCOMPARE(rendering.rows, 6);
        QCOMPARE(rendering.grid.cols, 257);
        QCOMPARE(rendering.grid.rows, 257);
        QCOMPARE(rendering.channels.size(), size_t(32));
        QCOMPARE(rendering.statistics.size(), size_t(32));

        // Per-channel statistics against the same image through a reference network with
        // its own capture probe, fed the session's 8-bit view normalised by hand.
        LoadedModel reference = ModelCatalog(shipped_).open(ModelRequest::shipped("default"));
        FeatureCaptureProbe probe(*reference.network, {"layer2.0"});
        // Rebuild the network input exactly as the session did: its 8-bit view, normalised.
        const cv::Mat& view = last.networkView;
        torch::Tensor x =
            torch::from_blob(view.data, {1, 1, 28, 28}, torch::kUInt8).to(torch::kFloat).div(255);
        const Preprocessing p = Preprocessing::fashionMnist();
        x = (x - p.mean[0]) / p.std[0];
        logitsOf(*reference.network, x);
        const torch::Tensor residual = probe.find("layer2.0")->residual[0].flatten(1);
        for (int c : {0, 7, 31}) {
            const ChannelStatistics& s = rendering.statistics[size_t(c)];
            QCOMPARE(s.channel, c);
            QVERIFY(std::abs(s.mean - residual[c].mean().item<double>()) < 1e-5);
            QVERIFY(std::abs(s.max - residual[c].max().item<double>()) < 1e-5);
            QVERIFY(std::abs(s.min - residual[c].min().item<double>()) < 1e-5);
            const double var = (residual[c] - residual[c].mean()).pow(2).mean().item<double>();
            QVERIFY(std::abs(s.std - std::sqrt(var)) < 1e-5);
        }

        query.entry = 0;
        QCOMPARE(session.render(query).shape, (std::vector<int64_t>{16, 28, 28}));
        QCOMPARE(int(session.render(query).place), int(BlockRendering::Place::Stem));
        query.entry = 10;
        QCOMPARE(session.render(query).shape, (std::vector<int64_t>{64, 7, 7}));
        query.entry = 11;
        QVERIFY(errorOf([&] { session.render(query); }).contains("no navigator entry 11"));
        QVERIFY(errorOf([&] { session.entryOf("layer9.9"); }).contains("layer1.0 ... layer3.2"));
    }

    void aPlainBlockHasNoShortcutToShow() {
        ExplorerSession session(shipped_, true);
        session.open(ModelRequest::shipped("default-plain"));
        const QDir gallery(RESLENS_SOURCE_RESOURCES "/samples/fashion-mnist");
        session.classify(
            decodeImageFile(gallery.filePath(gallery.entryList({"*.png"}).front()).toStdString()),
            1);
        BlockQuery query;
        query.entry = 1;
        query.tensor = TensorKind::Shortcut;
        QCOMPARE(int(session.render(query).status), int(BlockRendering::Status::NoShortcut));
        query.tensor = TensorKind::Residual;
        QCOMPARE(int(session.render(query).status), int(BlockRendering::Status::Rendered));
    }

    void aFailedOpenKeepsTheModel() {
        ExplorerSession session(shipped_, true);
        session.open(ModelRequest::shipped("default"));
        QVERIFY(!errorOf([&] { session.open(ModelRequest::file(path("absent.pt"))); }).isEmpty());
        QVERIFY(!errorOf([&] { session.setDevice("gpu7"); }).isEmpty());
        QCOMPARE(session.device(), std::string("cpu"));
        QCOMPARE(session.model().summary.config.arch, std::string("resnet20"));
        const QDir gallery(RESLENS_SOURCE_RESOURCES "/samples/fashion-mnist");
        const ClassificationResult r = session.classify(
            decodeImageFile(gallery.filePath(gallery.entryList({"*.png"}).front()).toStdString()),
            1);
        QCOMPARE(r.blocks.size(), size_t(9));
    }

    // A file replaced after it was opened: the explorer keeps its weights, and opening the
    // request it reports (what the studies do) refuses the changed file with one line.
    void aModelFileChangedSinceItWasOpenedIsRefused() {
        const QString copy = dir_.filePath("replaced.pt");
        QFile::remove(copy);
        QVERIFY(QFile::copy(RESLENS_SOURCE_RESOURCES "/models/default.pt", copy));
        ExplorerSession session(shipped_, false);
        const OpenedModel opened = session.open(ModelRequest::file(copy.toStdString()));
        QVERIFY(opened.request.stamp.has_value());
        const ModelCatalog catalog(shipped_);
        QCOMPARE(catalog.open(opened.request).network->config().arch, std::string("resnet20"));

        // The plain twin has exactly the same size; `cp -p` would even keep the time.
        QFile target(copy);
        QVERIFY(target.open(QIODevice::ReadWrite));
        QFile twin(RESLENS_SOURCE_RESOURCES "/models/default-plain.pt");
        QVERIFY(twin.open(QIODevice::ReadOnly));
        target.write(twin.readAll());
        target.close();
        const QString message = errorOf([&] { catalog.open(opened.request); });
        QVERIFY2(message.contains("has changed on disk since it was opened"), qPrintable(message));
        // A new request for the same path takes the file as it is now.
        ModelRequest again = ModelRequest::file(copy.toStdString());
        QCOMPARE(catalog.open(again).network->config().arch, std::string("plain20"));
        QCOMPARE(session.model().summary.config.arch, std::string("resnet20"));
    }

    // The explorer's memory estimate against what a forward really keeps: a fresh resnet50 at
    // 448x448 with every block captured. The resident memory the first classify adds (the
    // captured tensors; the transient peak is freed) must be covered by the estimate, and
    // not be a small part of it either.
    void theMemoryEstimateCoversWhatACapturedForwardKeeps() {
        DecodedImage image;
        image.pixels = cv::Mat(480, 480, CV_8UC3, cv::Scalar(120, 60, 200));
        image.sourceChannels = 3;
        ResNetConfig config = ResNetConfig::fromArchName("resnet50");
        {  // LibTorch's one-time allocations (thread pools, kernels' scratch) come first
            ExplorerSession warmUp(shipped_, true);
            warmUp.open(ModelRequest::fresh(config));
            warmUp.classify(image, 1);
        }
        config.inputHeight = config.inputWidth = 448;
        ExplorerSession session(shipped_, true);
        session.open(ModelRequest::fresh(config));
#ifdef __GLIBC__
        // What the warm-up freed goes back to the system first; reused, it would make the
        // forward's memory look smaller than it is.
        malloc_trim(0);
#endif
        const qint64 before = residentBytes();
        session.classify(image, 1);
        const qint64 kept = residentBytes() - before;
        const int64_t estimate =
            explorerForwardBytes(session.model().summary, 448, 448, /*captureEveryBlock=*/true);
        qInfo("resnet50 at 448x448, every block captured: %.0f MB kept, %.0f MB estimated",
              kept / 1e6, estimate / 1e6);
        QVERIFY2(
            kept <= estimate && kept >= estimate / 3,
            qPrintable(QString("%1 MB kept, %2 MB estimated").arg(kept / 1e6).arg(estimate / 1e6)));
    }

    void aForwardTooLargeForMemoryIsRefusedBeforeItAllocates() {
        QVERIFY_THROWS_EXCEPTION(InputError, requireMemory(901, 1000, "x"));
        requireMemory(900, 1000, "x");             // 90% is the limit
        requireMemory(int64_t(1) << 50, {}, "x");  // unknown: no refusal
        ResNetConfig config = ResNetConfig::fromArchName("resnet152");
        config.inputHeight = config.inputWidth = 8192;
        ExplorerSession session(shipped_, true);
        session.open(ModelRequest::fresh(config));
        DecodedImage image;
        image.pixels = cv::Mat(64, 64, CV_8UC3, cv::Scalar(0, 0, 0));
        image.sourceChannels = 3;
        const qint64 before = residentBytes();
        const QString message = errorOf([&] { session.classify(image, 1); });
        QVERIFY2(message.startsWith("resnet152 at 8192×8192 needs about ") &&
                     message.contains(" GB of memory and ") && !message.contains('\n'),
                 qPrintable(message));
        QVERIFY(residentBytes() - before < (qint64(256) << 20));
    }

    // --- process-wide state ---------------------------------------------------------------

    void threadCountChangesOnlyWhenNoOneIsInsideLibTorch() {
        ComputeThreads::request(2);
        { ComputeThreads::Scope scope; }
        QCOMPARE(at::get_num_threads(), 2);

        std::atomic<bool> inside{false}, release{false};
        std::thread worker([&] {
            ComputeThreads::Scope scope;
            inside = true;
            while (!release) {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
        while (!inside) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        ComputeThreads::request(1);
        QCOMPARE(ComputeThreads::requested(), 1);
        {
            ComputeThreads::Scope scope;  // another thread is inside: the change waits
            QCOMPARE(at::get_num_threads(), 2);
        }
        release = true;
        worker.join();
        {
            ComputeThreads::Scope scope;  // nobody else inside: applied here and now
            QCOMPARE(at::get_num_threads(), 1);
        }
        ComputeThreads::request(0);
        QCOMPARE(ComputeThreads::requested(),
                 int(std::max(1u, std::thread::hardware_concurrency())));
    }
};

QTEST_APPLESS_MAIN(AppLayerTest)
#include "tst_app_layer.moc"
