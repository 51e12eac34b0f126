// The lesion study (Veit et al. 2016, issue 15). Bypassing a block of every kind --
// identity, option A, option B, pre-activation (projection of BN-ReLU(x)), plain -- gives
// the logits of an independent plain-PyTorch reconstruction (fixtures/lesion_reference.py);
// clearing the mask gives the very same logits as before; probes report a bypassed block
// as such; random lesions are reproducible; reslens-cli lesion keeps its contract; and the
// shipped twins reproduce the paper's contrast, measured against the PyTorch reference.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <algorithm>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "CliRunner.h"
#include "PythonFixture.h"
#include "TestNetworks.h"
#include "app/core/studies/LesionStudy.h"
#include "model/data/BuiltinDatasets.h"
#include "model/files/ModelFile.h"
#include "model/files/StateDict.h"
#include "model/network/LesionMask.h"
#include "model/runtime/InputError.h"
#include "model/tracing/BlockStatisticsProbe.h"
#include "model/tracing/Classifier.h"
#endif

using namespace reslens;

namespace {

// Kaiming weights as initialised, but batch norm's affine parameters and statistics random,
// so that a bypass that still ran BN (or skipped the projection's) would show.
ResNet randomNetwork(const ResNetConfig& config) {
    torch::manual_seed(3);
    ResNet network(config);
    torch::NoGradGuard noGrad;
    for (auto& [key, tensor] : stateDict(*network)) {
        const std::string& name = key;  // a lambda may not capture a structured binding (C++17)
        const auto ends = [&](const char* suffix) {
            return name.size() > std::strlen(suffix) &&
                   name.compare(name.size() - std::strlen(suffix), std::string::npos, suffix) == 0;
        };
        if (name.find("bn") != std::string::npos ||
            name.find("downsample.1") != std::string::npos) {
            if (ends(".weight") || ends(".running_var")) {
                tensor.uniform_(0.5, 1.5);
            } else if (ends(".bias") || ends(".running_mean")) {
                tensor.normal_(0.0, 0.2);
            }
        }
    }
    network->eval();
    return network;
}

ModelMetadata metadataFor(const ResNetConfig& config) {
    ModelMetadata metadata;
    metadata.config = config;
    metadata.labels = numberedLabels(config.classes);
    metadata.preprocessing =
        Preprocessing::forInput(config.inChannels, config.inputHeight, config.inputWidth);
    return metadata;
}

torch::Tensor logitsOf(ResNetImpl& network, const torch::Tensor& x) {
    torch::NoGradGuard noGrad;
    return network.forward(x);
}

QJsonObject lesionJson(const QStringList& args) {
    const CliRun run = runCli(QStringList{"lesion", "--json"} + args,
                              QProcessEnvironment::systemEnvironment(), 600000);
    if (run.exitCode != 0) {
        qWarning() << run.err;
        return {};
    }
    return QJsonDocument::fromJson(run.out).object();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

class LesionTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString subset_;  // the first 300 test images, as a dataset folder of their own

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        subset_ = dir_.filePath("fashion-mnist-300");
        const QString failure =
            runPythonFixture("fashion_mnist_subset.py", {kFashionMnistDirectory, subset_, "300"});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void bypassMatchesAnIndependentPyTorchNetwork_data() {
        QTest::addColumn<QString>("label");
        for (const char* label : {"resnet20 option A", "resnet20 option B", "preact resnet20",
                                  "preact resnet20 B", "plain20", "preact plain20"}) {
            QTest::newRow(label) << QString(label);
        }
    }

    void bypassMatchesAnIndependentPyTorchNetwork() {
        QFETCH(QString, label);
        ResNetConfig config;
        for (const NamedConfig& named : everyFamily()) {
            if (named.label == label) {
                config = named.config;
            }
        }
        QVERIFY(!config.arch.empty());
        ResNet network = randomNetwork(config);
        const QString model = dir_.filePath(label + ".pt");
        const QString reference = dir_.filePath(label + ".ref.pt");
        saveModel(model.toStdString(), *network, metadataFor(config));
        const QString failure =
            runPythonFixture("lesion_reference.py", {"logits", model, reference});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const auto expected = loadPickledDict(reference.toStdString());
        const torch::Tensor x = expected.at("input").toTensor();

        const torch::Tensor intact = logitsOf(*network, x);
        QVERIFY(torch::allclose(intact, expected.at("none").toTensor(), 1e-4, 1e-4));
        int kinds = 0;
        for (const auto& block : network->blocks()) {
            const std::string& name = block->info().name;
            LesionMask({name}).applyTo(*network);
            const torch::Tensor lesioned = logitsOf(*network, x);
            const torch::Tensor want = expected.at(name).toTensor();
            QVERIFY2(torch::allclose(lesioned, want, 1e-4, 1e-4),
                     qPrintable(QString("%1 bypassed: max difference %2")
                                    .arg(QString::fromStdString(name))
                                    .arg((lesioned - want).abs().max().item<double>())));
            QVERIFY(!torch::equal(lesioned, intact));  // the bypass did something
            ++kinds;
        }
        QCOMPARE(kinds, 9);
        // Clearing the mask: bit for bit the logits of the untouched network.
        LesionMask().applyTo(*network);
        QVERIFY(torch::equal(logitsOf(*network, x), intact));
    }

    void probesReportABypassedBlock() {
        ResNet network = randomNetwork(everyFamily()[4].config);  // resnet20 option A
        const torch::Tensor x = torch::randn({2, 3, 32, 32});
        const ScopedLesion lesion(*network, LesionMask({"layer2.1"}));
        const std::vector<Prediction> predictions = classify(*network, x, 3);
        QCOMPARE(predictions.size(), size_t(2));
        for (const Prediction& p : predictions) {
            for (const BlockStatistics& s : p.blocks) {
                QCOMPARE(s.bypassed, s.name == "layer2.1");
                QVERIFY(std::isfinite(s.outputNorm) && std::isfinite(s.inputNorm));
                if (s.bypassed) {
                    QCOMPARE(s.residualNorm, 0.0);
                    QVERIFY(!s.residualRatio && !s.cosine);
                    // Identity shortcut, post-activation: y = relu(x) = x (x is a ReLU output).
                    QVERIFY(std::abs(s.outputNorm - s.inputNorm) < 1e-4 * s.inputNorm);
                }
            }
        }
    }

    void unknownBlocksAreRefusedAndLeaveTheNetworkAlone() {
        ResNet network = randomNetwork(everyFamily()[4].config);
        LesionMask({"layer1.1"}).applyTo(*network);
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 LesionMask({"layer1.1", "layer9.9"}).applyTo(*network));
        QCOMPARE(LesionMask::of(*network).blocks(), std::set<std::string>{"layer1.1"});
        {
            const ScopedLesion inner(*network, LesionMask({"layer3.0"}));
            QCOMPARE(LesionMask::of(*network).blocks(), std::set<std::string>{"layer3.0"});
        }
        QCOMPARE(LesionMask::of(*network).blocks(), std::set<std::string>{"layer1.1"});
    }

    void randomLesionsAreReproducible() {
        const auto a = drawLesions(27, 5, 4, 123);
        QCOMPARE(a, drawLesions(27, 5, 4, 123));
        QVERIFY(a != drawLesions(27, 5, 4, 124));
        for (const auto& draw : a) {
            QCOMPARE(draw.size(), size_t(5));
            const std::set<int> distinct(draw.begin(), draw.end());
            QCOMPARE(distinct.size(), size_t(5));
            QVERIFY(*distinct.rbegin() < 27 && *distinct.begin() >= 0);
        }
        // Every block can be drawn: 200 single draws of 9 reach all of them.
        std::set<int> seen;
        for (const auto& draw : drawLesions(9, 1, 200, 7)) {
            seen.insert(draw[0]);
        }
        QCOMPARE(seen.size(), size_t(9));
    }

    void theCliKeepsItsContract() {
        // The fields, on 500 images: the whole test split adds nothing to a contract.
        const QJsonObject doc = lesionJson({"--model", "default", "--data", "fashion-mnist:test",
                                            "--samples", "500", "--blocks", "layer3.2,layer1.0",
                                            "--random", "2", "--trials", "2", "--seed", "5"});
        for (const char* field : {"model", "arch", "data", "device", "samples", "baseline_accuracy",
                                  "baseline_loss", "blocks", "random"}) {
            QVERIFY2(doc.contains(field), field);
        }
        const QJsonArray blocks = doc["blocks"].toArray();
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(blocks[0].toObject()["name"].toString(), QString("layer1.0"));  // network order
        for (const char* field : {"name", "stage", "downsampling", "accuracy", "loss"}) {
            QVERIFY2(blocks[0].toObject().contains(field), field);
        }
        const QJsonArray random = doc["random"].toArray();
        QCOMPARE(random.size(), 2);
        for (const char* field : {"k", "mean_accuracy", "std_accuracy", "trials"}) {
            QVERIFY2(random[1].toObject().contains(field), field);
        }
        QCOMPARE(random[1].toObject()["k"].toInt(), 2);
        // Two blocks to draw from: k = 2 bypasses both, whatever the seed.
        QCOMPARE(random[1].toObject()["std_accuracy"].toDouble(), 0.0);
    }

    // --samples N studies the first N test images: a count the accuracies are fractions of.
    // On a test split of 300 images, so that "all of them" costs little.
    void theFirstNImagesAreStudied() {
        const QString data = "fashion-mnist:" + subset_ + ":test";
        const QJsonObject doc = lesionJson(
            {"--model", "default", "--data", data, "--blocks", "layer1.0", "--samples", "120"});
        QCOMPARE(doc["samples"].toInt(), 120);
        for (const double accuracy :
             {doc["baseline_accuracy"].toDouble(),
              doc["blocks"].toArray()[0].toObject()["accuracy"].toDouble()}) {
            const double correct = accuracy * 120;
            QVERIFY2(std::abs(correct - std::round(correct)) < 1e-6,
                     qPrintable(QString::number(accuracy)));
        }
        // 0 is every image; more than there are is every image too.
        for (const char* all : {"0", "20000"}) {
            const QJsonObject whole = lesionJson(
                {"--model", "default", "--data", data, "--blocks", "layer1.0", "--samples", all});
            QCOMPARE(whole["samples"].toInt(), 300);
        }
    }

    void badInputIsOneLineAndExitTwo_data() {
        QTest::addColumn<QStringList>("args");
        const QStringList base = {"lesion", "--model", "default", "--data", "fashion-mnist"};
        QTest::newRow("unknown block") << base + QStringList{"--blocks", "layer7.0"};
        QTest::newRow("K above the blocks") << base + QStringList{"--random", "10"};
        QTest::newRow("no trials") << base + QStringList{"--random", "2", "--trials", "0"};
        QTest::newRow("negative K") << base + QStringList{"--random", "-1"};
        QTest::newRow("no data") << QStringList{"lesion", "--model", "default"};
        QTest::newRow("negative samples") << base + QStringList{"--samples", "-5"};
    }

    void badInputIsOneLineAndExitTwo() {
        QFETCH(QStringList, args);
        const CliRun run = runCli(args);
        QVERIFY2(run.isOneLineUsageError(), run.err.constData());
    }

    // A file whose network has no residual blocks cannot be built: every stage needs one.
    void aModelWithoutBlocksIsRefused() {
        const QString model = dir_.filePath("noblocks.pt");
        const QString failure = runPythonFixture("lesion_reference.py", {"noblocks", model});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const CliRun run = runCli({"lesion", "--model", model, "--data", "fashion-mnist"});
        QVERIFY2(run.isOneLineUsageError(), run.err.constData());
    }

    // The figures of the issue, from the shipped twins, against plain PyTorch on the same
    // 10,000 test images: a ResNet survives losing any one block, a plain network does not.
    void theShippedTwinsShowThePapersContrast_data() {
        // The lowest, median and highest single-block lesion of docs/user-guide.md's table
        // (and the README's rounded 50–93%, 3–42%), to the 0.01% printed, give or take one image
        // of 10,000 (a near-tie may fall either way with another thread count).
        QTest::addColumn<QString>("model");
        QTest::addColumn<double>("lowest");
        QTest::addColumn<double>("middle");
        QTest::addColumn<double>("highest");
        QTest::newRow("default") << "default" << 0.5023 << 0.8282 << 0.9250;
        QTest::newRow("default-plain") << "default-plain" << 0.0310 << 0.1160 << 0.4242;
    }

    void theShippedTwinsShowThePapersContrast() {
        QFETCH(QString, model);
        QFETCH(double, lowest);
        QFETCH(double, middle);
        QFETCH(double, highest);
        const QString file = RESLENS_SOURCE_RESOURCES "/models/" + model + ".pt";
        const QString reference = dir_.filePath(model + ".json");
        const QString failure = runPythonFixture(
            "lesion_reference.py", {"accuracy", file, kFashionMnistDirectory, reference});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QFile referenceFile(reference);
        QVERIFY(referenceFile.open(QIODevice::ReadOnly));
        const QJsonObject expected = QJsonDocument::fromJson(referenceFile.readAll()).object();

        const QJsonObject doc = lesionJson({"--model", model, "--data", "fashion-mnist"});
        QVERIFY(!doc.isEmpty());
        QCOMPARE(doc["samples"].toInt(), 10000);
        QVERIFY(std::abs(doc["baseline_accuracy"].toDouble() - expected["baseline"].toDouble()) <=
                0.0005);
        std::vector<double> accuracies;
        for (const QJsonValue& value : doc["blocks"].toArray()) {
            const QJsonObject block = value.toObject();
            const double want = expected["blocks"].toObject()[block["name"].toString()].toDouble();
            // Five images of 10,000 for float rounding at the decision boundary.
            QVERIFY2(std::abs(block["accuracy"].toDouble() - want) <= 0.0005,
                     qPrintable(block["name"].toString()));
            accuracies.push_back(block["accuracy"].toDouble());
        }
        QCOMPARE(accuracies.size(), size_t(9));
        const auto [low, high] = std::minmax_element(accuracies.begin(), accuracies.end());
        qInfo("%s: single-block lesions %.2f%%..%.2f%%, median %.2f%%", qPrintable(model),
              100 * *low, 100 * *high, 100 * median(accuracies));
        QVERIFY(std::abs(*low - lowest) <= 0.00015);
        QVERIFY(std::abs(*high - highest) <= 0.00015);
        if (model == "default") {
            // docs/user-guide.md: the block the ResNet-20 misses most is the first, then the
            // last stage's downsampling block.
            const QJsonArray blocks = doc["blocks"].toArray();
            std::vector<std::pair<double, QString>> ranked;
            for (const QJsonValue& value : blocks) {
                ranked.push_back(
                    {value.toObject()["accuracy"].toDouble(), value.toObject()["name"].toString()});
            }
            std::sort(ranked.begin(), ranked.end());
            QCOMPARE(ranked[0].second, QString("layer1.0"));
            QCOMPARE(ranked[1].second, QString("layer3.0"));
            // "... followed by the downsampling layer3.0 (68%); layer2.0, the other
            // downsampling block, costs only 8 points."
            QVERIFY(std::abs(ranked[1].first - 0.68) <= 0.005);
            for (const QJsonValue& value : blocks) {
                if (value.toObject()["name"].toString() == "layer2.0") {
                    const double cost = doc["baseline_accuracy"].toDouble() -
                                        value.toObject()["accuracy"].toDouble();
                    QVERIFY(std::abs(cost - 0.08) <= 0.005);
                }
            }
        }
        QVERIFY(std::abs(median(accuracies) - middle) <= 0.00015);
    }
};

QTEST_GUILESS_MAIN(LesionTest)
#include "tst_lesion.moc"
