// The three instruments of issue 36 against references written outside ResLens:
//  - the gradient line (Balduzzi et al. 2017): the derivative curve equals PyTorch autograd's
//    ∇f·d at the same points (tests/fixtures/instrument_reference.py), the autocorrelation
//    and its lag by hand, the fresh network's batch norms set from one batch;
//  - block similarity (Kornblith et al. 2019): linear CKA equals NumPy's from the formula
//    on PyTorch's block outputs;
//  - linear probes (Alain & Bengio 2016): the pooled features equal PyTorch's, the accuracy
//    scikit-learn's fitted the same way, and a separable toy problem is solved exactly;
// and reslens-cli's three commands: their JSON, their faults in one line, and the shattering
// itself on fresh resnet56 against fresh plain56.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <algorithm>
#include <cmath>

#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "CliRunner.h"
#include "PythonFixture.h"
#include "app/core/instruments/GradientLineStudy.h"
#include "app/core/instruments/ProbeStudy.h"
#include "app/core/instruments/SimilarityStudy.h"
#include "app/core/models/DirectoryResources.h"
#include "app/core/models/ModelCatalog.h"
#include "app/core/studies/ModelEvaluation.h"
#include "model/data/BuiltinDatasets.h"
#include "model/instruments/BatchNormCalibration.h"
#include "model/instruments/BlockFeatures.h"
#include "model/instruments/CenteredKernelAlignment.h"
#include "model/instruments/GradientLine.h"
#include "model/instruments/LinearProbe.h"
#include "model/runtime/InputError.h"
#endif

using namespace reslens;

namespace {

const QString kResources = RESLENS_SOURCE_RESOURCES;

QString sample(const char* name) {
    return kResources + "/samples/fashion-mnist/" + name;
}

QJsonObject jsonOf(const CliRun& run) {
    return QJsonDocument::fromJson(run.out).object();
}

std::vector<double> doubles(const QJsonArray& array) {
    std::vector<double> values;
    for (const QJsonValue& v : array) {
        values.push_back(v.toDouble());
    }
    return values;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

class InstrumentsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void autocorrelationByHand();
    void linePointsAndDirection();
    void derivativeEqualsAutograd();
    void freshStatisticsFromOneBatch();
    void gradientLineFaults();

    void ckaEqualsNumpy();
    void ckaProperties();

    void probeFeaturesEqualPytorch();
    void probeAccuracyEqualsScikitLearn();
    void probeSolvesSeparableToyData();

    void cliJson();
    void cliFaultsInOneLine();
    void probesOnFoldersOfImages();
    void freshResNetStaysCorrelated();
    void theGuidesSimilarityClaims();
    void theGuidesProbeClaims();

private:
    DirectoryResources resources_{kResources.toStdString()};
    QTemporaryDir dir_;
    QString model_;  // the shipped default.pt
};

void InstrumentsTest::initTestCase() {
    QVERIFY(dir_.isValid());
    model_ = kResources + "/models/default.pt";
    QVERIFY(QFile::exists(model_));
}

void InstrumentsTest::autocorrelationByHand() {
    // [1, -1, 1, -1]: mean 0, Σy² = 4; lag 1: three products of -1 → -3/4; lag 2: 2/4; lag 3:
    // -1/4.
    const std::vector<double> r = autocorrelation({1, -1, 1, -1});
    QCOMPARE(r.size(), size_t(4));
    QCOMPARE(r[0], 1.0);
    QCOMPARE(r[1], -0.75);
    QCOMPARE(r[2], 0.5);
    QCOMPARE(r[3], -0.25);
    QCOMPARE(firstLagBelow(r, 0.5), 1);
    // A ramp 0..4: centred -2..2, Σ = 10; lag 1: (-2)(-1) + (-1)(0) + 0·1 + 1·2 = 4 → 0.4.
    const std::vector<double> ramp = autocorrelation({0, 1, 2, 3, 4});
    QCOMPARE(ramp[1], 0.4);
    QCOMPARE(firstLagBelow(ramp, 0.5), 1);
    // An offset changes nothing (the mean is taken out); a constant never decorrelates.
    const std::vector<double> shifted = autocorrelation({100, 101, 102, 103, 104});
    QVERIFY(std::abs(shifted[1] - 0.4) < 1e-12);
    const std::vector<double> flat = autocorrelation({3, 3, 3});
    QCOMPARE(firstLagBelow(flat, 0.5), 3);
}

void InstrumentsTest::linePointsAndDirection() {
    const std::vector<double> t = linePoints(5);
    QCOMPARE(t, (std::vector<double>{-1, -0.5, 0, 0.5, 1}));
    const torch::Tensor x0 = torch::full({1, 4, 4}, 2.0);  // norm 8
    const torch::Tensor d = randomDirection(x0, 7);
    QCOMPARE(d.sizes(), x0.sizes());
    QVERIFY(std::abs(d.norm().item<double>() - 8.0) < 1e-4);
    QVERIFY(torch::equal(d, randomDirection(x0, 7)));  // the seed alone decides it
    QVERIFY(!torch::equal(d, randomDirection(x0, 8)));
}

void InstrumentsTest::derivativeEqualsAutograd() {
    // x0 and x1 two gallery images; d = x1 − x0; 64 points; the shipped default network.
    const QString x0 = sample("9-ankle-boot-0000.png");
    const QString x1 = sample("7-sneaker-0009.png");
    QVERIFY2(QFile::exists(x0) && QFile::exists(x1), "gallery samples");
    const QString reference = dir_.filePath("line.pt");
    QVERIFY2(runPythonFixture("instrument_reference.py", {"line", model_, x0, x1, "64", reference})
                 .isEmpty(),
             "instrument_reference.py line");
    const auto dict = loadPickledDict(reference.toStdString());
    const torch::Tensor expected = tensorAt(dict, "derivative");
    const torch::Tensor t = tensorAt(dict, "t");

    GradientLineOptions options;
    options.points = 64;
    options.image = x0.toStdString();
    options.towardsImage = x1.toStdString();
    const GradientLineResult r =
        runGradientLine(resources_, ModelRequest::shipped("default"), options, "cpu");
    QCOMPARE(r.t.size(), size_t(64));
    QCOMPARE(r.model.derivative.size(), size_t(64));
    QCOMPARE(int64_t(r.model.target), tensorAt(dict, "target").item<int64_t>());
    const double largest = expected.abs().max().item<double>();
    QVERIFY(largest > 0);
    for (int i = 0; i < 64; ++i) {
        QVERIFY(std::abs(r.t[i] - t[i].item<double>()) < 1e-12);
        const double want = expected[i].item<double>();
        const double got = r.model.derivative[i];
        // 1e-4 relative; near a zero crossing relative to the curve's scale.
        QVERIFY2(std::abs(got - want) <= 1e-4 * std::max(std::abs(want), 0.01 * largest),
                 qPrintable(QString("t=%1: %2 vs PyTorch %3").arg(r.t[i]).arg(got).arg(want)));
    }
    QCOMPARE(r.model.lag, firstLagBelow(autocorrelation(r.model.derivative), 0.5));
    QCOMPARE(r.fresh.derivative.size(), size_t(64));
    QVERIFY(!r.cancelled);
}

void InstrumentsTest::freshStatisticsFromOneBatch() {
    // After setBatchNormStatistics, the stem's batch norm holds the batch's per-channel mean
    // and unbiased variance of conv1's output, computed here by hand.
    ResNetConfig config = ResNetConfig::fromArchName("plain20");
    config.inChannels = 1;
    config.inputHeight = config.inputWidth = 12;
    torch::manual_seed(1);
    ResNet network(config);
    const torch::Tensor batch = torch::randn({16, 1, 12, 12});
    setBatchNormStatistics(*network, batch);
    QVERIFY(!network->is_training());
    torch::NoGradGuard noGrad;
    const torch::Tensor conv = network->conv1->forward(batch);
    const torch::Tensor mean = conv.mean({0, 2, 3});
    const torch::Tensor var = conv.transpose(0, 1).flatten(1).var(1, /*unbiased=*/true);
    QVERIFY(torch::allclose(network->bn1->running_mean, mean, 1e-5, 1e-6));
    QVERIFY(torch::allclose(network->bn1->running_var, var, 1e-4, 1e-6));
    // The momentum is the network's own again (PyTorch's 0.1).
    QCOMPARE(network->bn1->options.momentum().value(), 0.1);
}

void InstrumentsTest::gradientLineFaults() {
    GradientLineOptions options;
    options.points = 1;
    options.image = "x.png";
    QVERIFY_THROWS_EXCEPTION(InputError, checkGradientLineOptions(options));
    options.points = 16;
    options.image.clear();  // no input named
    QVERIFY_THROWS_EXCEPTION(InputError, checkGradientLineOptions(options));
    options.data = DataSpec::parse("fashion-mnist");
    options.index = 10000;  // the test split has 0..9999
    QVERIFY_THROWS_EXCEPTION(
        InputError, runGradientLine(resources_, ModelRequest::shipped("default"), options, "cpu"));
}

void InstrumentsTest::ckaEqualsNumpy() {
    const QString reference = dir_.filePath("features.pt");
    QVERIFY2(runPythonFixture("instrument_reference.py",
                              {"features", model_, kFashionMnistDirectory, "200", reference})
                 .isEmpty(),
             "instrument_reference.py features");
    const auto dict = loadPickledDict(reference.toStdString());
    const torch::Tensor expected = tensorAt(dict, "cka");
    const SimilarityResult r = runSimilarity(resources_, ModelRequest::shipped("default"),
                                             DataSpec::parse("fashion-mnist"), 200, "cpu");
    QCOMPARE(r.samples, int64_t(200));
    QCOMPARE(int64_t(r.blocks.size()), expected.size(0));
    QCOMPARE(r.blocks.front(), std::string("stem"));
    QCOMPARE(r.blocks.back(), std::string("layer3.2"));
    for (size_t i = 0; i < r.blocks.size(); ++i) {
        for (size_t j = 0; j < r.blocks.size(); ++j) {
            const double want = expected[int64_t(i)][int64_t(j)].item<double>();
            QVERIFY2(std::abs(r.cka[i][j] - want) < 1e-6,
                     qPrintable(QString("%1 × %2: %3 vs NumPy %4")
                                    .arg(QString::fromStdString(r.blocks[i]))
                                    .arg(QString::fromStdString(r.blocks[j]))
                                    .arg(r.cka[i][j], 0, 'g', 10)
                                    .arg(want, 0, 'g', 10)));
        }
    }
}

void InstrumentsTest::ckaProperties() {
    // Invariant to isotropic scaling and to an orthogonal transform of the features; 1 for
    // a representation with itself.
    torch::manual_seed(5);
    const torch::Tensor x = torch::randn({30, 8}, torch::kFloat64);
    const torch::Tensor q = std::get<0>(torch::linalg_qr(torch::randn({8, 8}, torch::kFloat64)));
    const torch::Tensor y = torch::randn({30, 5}, torch::kFloat64);
    const torch::Tensor gx = centredGram(x);
    QVERIFY(std::abs(linearCka(gx, centredGram(3.0 * x.matmul(q))) - 1.0) < 1e-12);
    const double xy = linearCka(gx, centredGram(y));
    QVERIFY(xy > 0 && xy < 1);
    QVERIFY(std::abs(xy - linearCka(centredGram(y), gx)) < 1e-15);
    // A constant representation has no similarity to anything.
    QCOMPARE(linearCka(gx, centredGram(torch::ones({30, 4}, torch::kFloat64))), 0.0);
}

void InstrumentsTest::probeFeaturesEqualPytorch() {
    const QString reference = dir_.filePath("features.pt");
    if (!QFile::exists(reference)) {
        QVERIFY(runPythonFixture("instrument_reference.py",
                                 {"features", model_, kFashionMnistDirectory, "200", reference})
                    .isEmpty());
    }
    const auto dict = loadPickledDict(reference.toStdString());
    LoadedModel model = ModelCatalog(resources_).open(ModelRequest::shipped("default"));
    const Dataset test = loadDataFor(model.metadata, DataSpec::parse("fashion-mnist"));
    const Preprocessing& p = model.metadata.preprocessing;
    const BlockFeatures features = collectBlockFeatures(*model.network, test, 200, p.mean, p.std,
                                                        FeatureReduction::GlobalAveragePool);
    QCOMPARE(features.outputs.size(), size_t(10));
    for (size_t i = 0; i < features.outputs.size(); ++i) {
        const torch::Tensor want = tensorAt(dict, "pooled." + std::to_string(i));
        QCOMPARE(features.outputs[i].sizes(), want.sizes());
        QVERIFY2(torch::allclose(features.outputs[i], want, 1e-4, 1e-5),
                 qPrintable(QString("block output %1: largest difference %2")
                                .arg(i)
                                .arg((features.outputs[i] - want).abs().max().item<double>())));
    }
}

void InstrumentsTest::probeAccuracyEqualsScikitLearn() {
    const QString reference = dir_.filePath("probe.json");
    QVERIFY2(runPythonFixture("instrument_reference.py",
                              {"probe", model_, kFashionMnistDirectory, "1000", "1000", reference})
                 .isEmpty(),
             "instrument_reference.py probe (python3-sklearn)");
    QFile file(reference);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(file.readAll()).object();
    const ProbeResult r = runProbes(resources_, ModelRequest::shipped("default"),
                                    DataSpec::parse("fashion-mnist"), 1000, 1000, "cpu");
    const QJsonArray accuracy = expected["accuracy"].toArray();
    QCOMPARE(int(r.blocks.size()), accuracy.size());
    for (size_t i = 0; i < r.blocks.size(); ++i) {
        const double want = accuracy[int(i)].toDouble();
        QVERIFY2(std::abs(r.blocks[i].accuracy - want) <= 0.01,
                 qPrintable(QString("%1: %2 vs scikit-learn %3")
                                .arg(QString::fromStdString(r.blocks[i].name))
                                .arg(r.blocks[i].accuracy)
                                .arg(want)));
        QVERIFY(r.blocks[i].converged);
    }
    QVERIFY(std::abs(r.networkAccuracy - expected["network_accuracy"].toDouble()) < 1e-9);
    QCOMPARE(r.blocks[0].features, int64_t(16));  // the stem: 16 channels
    QCOMPARE(r.blocks[9].features, int64_t(64));  // layer3.2
}

void InstrumentsTest::probeSolvesSeparableToyData() {
    // Three classes around (0, 0), (10, 0), (0, 10) with spread 1: any fitted linear
    // classifier separates them completely; a feature that is the same for all is harmless.
    torch::manual_seed(2);
    const int per = 50;
    torch::Tensor centres = torch::tensor({{0.0, 0.0}, {10.0, 0.0}, {0.0, 10.0}}, torch::kFloat64);
    torch::Tensor labels = torch::arange(3).repeat_interleave(per);
    torch::Tensor x =
        centres.index_select(0, labels) + 0.5 * torch::randn({3 * per, 2}, torch::kFloat64);
    x = torch::cat({x, torch::full({3 * per, 1}, 4.0, torch::kFloat64)}, 1);
    const LinearProbeFit fit = fitLinearProbe(x, labels, 3);
    QVERIFY(fit.converged);
    QCOMPARE(probeAccuracy(fit, x, labels), 1.0);
    // Each class's own centre is classified as that class.
    const torch::Tensor c = torch::cat({centres, torch::full({3, 1}, 4.0, torch::kFloat64)}, 1);
    QCOMPARE(probeAccuracy(fit, c, torch::arange(3)), 1.0);
}

void InstrumentsTest::cliJson() {
    const CliRun line = runCli({"gradient-line", "--model", "default", "--data", "fashion-mnist",
                                "--index", "3", "--points", "32", "--json"});
    QVERIFY2(line.exitCode == 0, line.err.constData());
    const QJsonObject g = jsonOf(line);
    QCOMPARE(g["points"].toInt(), 32);
    QCOMPARE(g["t"].toArray().size(), 32);
    QCOMPARE(g["t"].toArray().first().toDouble(), -1.0);
    QCOMPARE(g["t"].toArray().last().toDouble(), 1.0);
    for (const char* part : {"model", "fresh"}) {
        const QJsonObject c = g[part].toObject();
        const std::vector<double> ac = doubles(c["autocorrelation"].toArray());
        QCOMPARE(c["derivative"].toArray().size(), 32);
        QCOMPARE(ac.size(), size_t(32));
        QVERIFY(std::abs(ac[0] - 1.0) < 1e-12);
        // The lag is where the printed autocorrelation first falls below 0.5.
        QCOMPARE(c["lag"].toInt(), firstLagBelow(ac, 0.5));
    }

    const CliRun similarity = runCli({"similarity", "--model", "default", "--data", "fashion-mnist",
                                      "--samples", "64", "--json"});
    QVERIFY2(similarity.exitCode == 0, similarity.err.constData());
    const QJsonObject s = jsonOf(similarity);
    QCOMPARE(s["samples"].toInt(), 64);
    const QJsonArray blocks = s["blocks"].toArray();
    QCOMPARE(blocks.size(), 10);  // the stem and nine blocks of resnet20
    QCOMPARE(blocks[0].toString(), QString("stem"));
    QCOMPARE(blocks[1].toString(), QString("layer1.0"));
    const QJsonArray cka = s["cka"].toArray();
    QCOMPARE(cka.size(), 10);
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(cka[i].toArray()[i].toDouble(), 1.0);
        for (int j = 0; j < 10; ++j) {
            QCOMPARE(cka[i].toArray()[j].toDouble(), cka[j].toArray()[i].toDouble());
            QVERIFY(cka[i].toArray()[j].toDouble() > 0 &&
                    cka[i].toArray()[j].toDouble() <= 1.0 + 1e-12);
        }
    }

    const CliRun probe = runCli({"probe", "--model", "default", "--data", "fashion-mnist",
                                 "--samples", "300", "--test-samples", "300", "--json"});
    QVERIFY2(probe.exitCode == 0, probe.err.constData());
    const QJsonObject p = jsonOf(probe);
    QCOMPARE(p["samples"].toInt(), 300);
    QVERIFY(p["network_accuracy"].toDouble() > 0.8);
    const QJsonArray probes = p["blocks"].toArray();
    QCOMPARE(probes.size(), 10);
    QCOMPARE(probes[0].toObject()["name"].toString(), QString("stem"));
    QCOMPARE(probes[0].toObject()["features"].toInt(), 16);
    QCOMPARE(probes[9].toObject()["features"].toInt(), 64);
}

void InstrumentsTest::cliFaultsInOneLine() {
    const QList<QStringList> faults = {
        {"gradient-line", "--model", "default", "--points", "1", "--data", "fashion-mnist"},
        {"gradient-line", "--model", "default"},  // no input
        {"gradient-line", "--model", "default", "--data", "fashion-mnist", "--index", "20000"},
        {"gradient-line", "--model", "default", "--image", "/nonexistent.png"},
        {"gradient-line", "--model", "default", "--data", "fashion-mnist", "--direction", "up"},
        {"gradient-line", "--model", "default", "--data", "fashion-mnist", "--direction",
         "towards:/nonexistent.png"},
        {"similarity", "--model", "default", "--data", "fashion-mnist", "--samples", "1"},
        {"similarity", "--model", "default", "--data", "cifar10:/nonexistent"},
        {"probe", "--model", "default", "--data", "fashion-mnist", "--samples", "0"},
        {"probe", "--model", "nonexistent.pt", "--data", "fashion-mnist"},
    };
    for (const QStringList& args : faults) {
        const CliRun run = runCli(args);
        QVERIFY2(run.isOneLineUsageError(),
                 qPrintable(args.join(' ') + " → exit " + QString::number(run.exitCode) + ": " +
                            run.err));
    }
}

// A user's own images: a folder of training images and one of test images, class by class
// folder. Scored on the test folder; a folder alone is refused (it has no test split).
void InstrumentsTest::probesOnFoldersOfImages() {
    const QDir gallery(kResources + "/samples/fashion-mnist");
    const QString train = dir_.filePath("train");
    const QString test = dir_.filePath("test");
    int trainCount = 0, testCount = 0;
    for (const QString& name : gallery.entryList({"*.png"}, QDir::Files, QDir::Name)) {
        const QString label = "c" + name.section('-', 0, 0);
        const bool toTest = (trainCount + testCount) % 3 == 0;
        const QString folder = (toTest ? test : train) + "/" + label;
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(gallery.filePath(name), folder + "/" + name));
        (toTest ? testCount : trainCount)++;
    }
    const CliRun alone = runCli({"probe", "--model", "default", "--data", "folder:" + train});
    QVERIFY2(alone.isOneLineUsageError(), alone.err.constData());
    QVERIFY(alone.err.contains("--test-data"));
    const CliRun run = runCli({"probe", "--model", "default", "--data", "folder:" + train,
                               "--test-data", "folder:" + test, "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject p = jsonOf(run);
    QCOMPARE(p["samples"].toInt(), trainCount);
    QCOMPARE(p["test_samples"].toInt(), testCount);
    QCOMPARE(p["blocks"].toArray().size(), 10);
    // The gallery is the shipped model's own kind of image: it classifies most of them.
    QVERIFY(p["network_accuracy"].toDouble() > 0.7);
}

void InstrumentsTest::freshResNetStaysCorrelated() {
    // Balduzzi et al. 2017 at initialisation: on fresh resnet56 the derivative along the line
    // stays correlated over many points; on fresh plain56 it decorrelates from one point to
    // the next. Five seeds (direction, initialisation, statistics' images), 256 points.
    std::vector<double> resnet, plain, resnetLargest, plainLargest;
    for (int seed = 0; seed < 5; ++seed) {
        for (const char* model : {"deep", "deep-plain"}) {
            const CliRun run = runCli({"gradient-line", "--model", model, "--data", "fashion-mnist",
                                       "--seed", QString::number(seed), "--json"},
                                      QProcessEnvironment::systemEnvironment(), 600000);
            QVERIFY2(run.exitCode == 0, run.err.constData());
            const QJsonObject fresh = jsonOf(run)["fresh"].toObject();
            (QString(model) == "deep" ? resnet : plain).push_back(fresh["lag"].toDouble());
            double largest = 0;
            for (const QJsonValue& v : fresh["derivative"].toArray()) {
                largest = std::max(largest, std::abs(v.toDouble()));
            }
            (QString(model) == "deep" ? resnetLargest : plainLargest).push_back(largest);
        }
    }
    qInfo("fresh resnet56 lags %g %g %g %g %g; fresh plain56 lags %g %g %g %g %g", resnet[0],
          resnet[1], resnet[2], resnet[3], resnet[4], plain[0], plain[1], plain[2], plain[3],
          plain[4]);
    // The plain network is white noise at the first lag in every seed...
    QCOMPARE(*std::max_element(plain.begin(), plain.end()), 1.0);
    // ...and the ResNet's median lag is many times longer.
    QVERIFY(median(resnet) >= 10 * median(plain));
    // The guide: the fresh plain network's largest |d/dt| is 76 to 151 times the ResNet's.
    for (size_t i = 0; i < 5; ++i) {
        const double ratio = plainLargest[i] / resnetLargest[i];
        QVERIFY2(ratio > 50 && ratio < 200, qPrintable(QString::number(ratio)));
    }
}

namespace {

// The mean CKA between the blocks of each residual stage (1, 2, 3), as the guide states it.
std::vector<double> withinStages(const SimilarityResult& r) {
    std::vector<double> means;
    for (int stage = 1; stage <= r.stages.back(); ++stage) {
        double sum = 0;
        int pairs = 0;
        for (size_t i = 0; i < r.blocks.size(); ++i) {
            for (size_t j = i + 1; j < r.blocks.size(); ++j) {
                if (r.stages[i] == stage && r.stages[j] == stage) {
                    sum += r.cka[i][j];
                    ++pairs;
                }
            }
        }
        means.push_back(sum / pairs);
    }
    return means;
}

double lowestNeighbours(const SimilarityResult& r) {
    double low = 1;
    for (size_t i = 0; i + 1 < r.cka.size(); ++i) {
        low = std::min(low, r.cka[i][i + 1]);
    }
    return low;
}

}  // namespace

// docs/user-guide.md, *Instruments*: on 500 test images, resnet56's blocks within each stage
// are more alike than plain56's, and its least alike neighbours more alike than plain56's.
void InstrumentsTest::theGuidesSimilarityClaims() {
    const DataSpec data = DataSpec::parse("fashion-mnist");
    const SimilarityResult resnet =
        runSimilarity(resources_, ModelRequest::shipped("deep"), data, 500, "cpu");
    const SimilarityResult plain =
        runSimilarity(resources_, ModelRequest::shipped("deep-plain"), data, 500, "cpu");
    const std::vector<double> r = withinStages(resnet);
    const std::vector<double> p = withinStages(plain);
    qInfo(
        "within stages: resnet56 %.3f %.3f %.3f, plain56 %.3f %.3f %.3f; lowest neighbours "
        "%.3f and %.3f",
        r[0], r[1], r[2], p[0], p[1], p[2], lowestNeighbours(resnet), lowestNeighbours(plain));
    QCOMPARE(r.size(), size_t(3));
    for (size_t stage = 0; stage < 3; ++stage) {
        QVERIFY(r[stage] > p[stage]);
        QVERIFY(r[stage] > 0.95);
    }
    QVERIFY(lowestNeighbours(resnet) > lowestNeighbours(plain) + 0.1);
}

// docs/user-guide.md, *Instruments*: probes fitted on 5000 training images and scored on the
// 10,000 test images read the class better with depth; resnet56's probe is above plain56's
// at every block; the last block's probe is within half a point of the network itself.
void InstrumentsTest::theGuidesProbeClaims() {
    const DataSpec data = DataSpec::parse("fashion-mnist");
    const ProbeResult resnet =
        runProbes(resources_, ModelRequest::shipped("deep"), data, 5000, 0, "cpu");
    const ProbeResult plain =
        runProbes(resources_, ModelRequest::shipped("deep-plain"), data, 5000, 0, "cpu");
    QCOMPARE(resnet.testSamples, int64_t(10000));
    QCOMPARE(resnet.blocks.size(), size_t(28));
    qInfo(
        "resnet56: stem %.3f, last %.3f, network %.3f; plain56: stem %.3f, last %.3f, "
        "network %.3f",
        resnet.blocks.front().accuracy, resnet.blocks.back().accuracy, resnet.networkAccuracy,
        plain.blocks.front().accuracy, plain.blocks.back().accuracy, plain.networkAccuracy);
    for (size_t i = 0; i < resnet.blocks.size(); ++i) {
        QVERIFY2(resnet.blocks[i].accuracy > plain.blocks[i].accuracy,
                 resnet.blocks[i].name.c_str());
    }
    // Plain-56's first stage (layer1.0..layer1.8, outputs 1..9) adds little.
    double low = 1, high = 0;
    for (size_t i = 1; i <= 9; ++i) {
        QVERIFY(plain.blocks[i].name.rfind("layer1.", 0) == 0);
        low = std::min(low, plain.blocks[i].accuracy);
        high = std::max(high, plain.blocks[i].accuracy);
    }
    QVERIFY2(high - low < 0.05, qPrintable(QString("%1 to %2").arg(low).arg(high)));
    for (const ProbeResult* r : {&resnet, &plain}) {
        QVERIFY(r->blocks.back().accuracy > r->blocks.front().accuracy + 0.15);
        QVERIFY(std::abs(r->blocks.back().accuracy - r->networkAccuracy) < 0.005);
    }
}

QTEST_GUILESS_MAIN(InstrumentsTest)
#include "tst_instruments.moc"
