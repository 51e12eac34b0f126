// The models shipped in resources/: what they are, what they were trained with, and how
// well they do — measured here on Debian's Fashion-MNIST test split and on the sample
// gallery through the same decode-and-prepare path the app uses.

#include <QDir>

#include <QtTest/QtTest>
#include <algorithm>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "app/core/explorer/ExplorerSession.h"
#include "app/core/models/DirectoryResources.h"
#include "app/core/studies/ResponseProfile.h"
#include "imaging/ImageDecoder.h"
#include "imaging/ImagePreprocessor.h"
#include "model/data/BuiltinDatasets.h"
#include "model/files/ModelFile.h"
#include "model/tracing/Classifier.h"
#include "model/training/Evaluation.h"
#endif

using namespace reslens;

class ShippedModelsTest : public QObject {
    Q_OBJECT

    const QString resources_ = RESLENS_SOURCE_RESOURCES;

private Q_SLOTS:
    void defaultIsTheTrainedResNet20() {
        const LoadedModel model = loadModel((resources_ + "/models/default.pt").toStdString());
        const ResNetConfig& c = model.metadata.config;
        QCOMPARE(QString::fromStdString(c.arch), QString("resnet20"));
        QVERIFY(c.skip);
        QCOMPARE(c.inChannels, 1);
        QCOMPARE(c.inputHeight, 28);
        QCOMPARE(c.inputWidth, 28);
        QCOMPARE(c.classes, 10);
        QCOMPARE(model.metadata.labels, fashionMnistClassNames());
        QCOMPARE(QString::fromStdString(model.metadata.preprocessing.name),
                 QString("fashion-mnist"));
        const auto& provenance = model.metadata.provenance;
        const QString command = QString::fromStdString(provenance["command"].get<std::string>());
        QVERIFY2(command.contains("reslens-cli") && command.contains(" train --arch resnet20 "),
                 qPrintable(command));
        QCOMPARE(QString::fromStdString(provenance["status"].get<std::string>()),
                 QString("finished"));
        QVERIFY(provenance["test_accuracy"].get<double>() >= 0.935);
    }

    void defaultReachesTheAccuracyItClaims() {
        if (!QFile::exists(QString(kFashionMnistDirectory) + "/t10k-images-idx3-ubyte.gz")) {
            QSKIP("dataset-fashion-mnist is not installed");
        }
        LoadedModel model = loadModel((resources_ + "/models/default.pt").toStdString());
        const Dataset test = loadFashionMnist(kFashionMnistDirectory, Split::Test);
        const Preprocessing& p = model.metadata.preprocessing;
        const EvaluationResult result = evaluate(*model.network, test, p.mean, p.std);
        QCOMPARE(result.samples, int64_t(10000));
        QVERIFY2(std::abs(result.accuracy - 0.9393) <= 0.00015,  // README: 93.93%
                 qPrintable(QString::number(result.accuracy)));
        QVERIFY(std::abs(result.loss - 0.167) <= 0.0005);  // the guide: mean loss 0.167
        // The same evaluation as at the end of training; a thread count different from the
        // training machine's may flip a near-tie or two, no more.
        const double claimed = model.metadata.provenance["test_accuracy"].get<double>();
        QVERIFY2(std::abs(result.accuracy - claimed) <= 0.0005,
                 qPrintable(QString("%1 vs %2").arg(result.accuracy).arg(claimed)));
    }

    void defaultPlainIsItsTwinTrainedWithTheSameRecipe() {
        LoadedModel plain = loadModel((resources_ + "/models/default-plain.pt").toStdString());
        const LoadedModel skip = loadModel((resources_ + "/models/default.pt").toStdString());
        const ResNetConfig& c = plain.metadata.config;
        QCOMPARE(QString::fromStdString(c.arch), QString("plain20"));
        QVERIFY(!c.skip);
        QCOMPARE(c.inChannels, 1);
        QCOMPARE(c.inputHeight, 28);
        QCOMPARE(c.classes, 10);
        QCOMPARE(plain.metadata.labels, skip.metadata.labels);
        QCOMPARE(QString::fromStdString(plain.metadata.preprocessing.name),
                 QString("fashion-mnist"));
        // Option-A shortcuts hold no parameters: the twins have the same tensors by name.
        const auto plainState = plain.network->named_parameters();
        const auto skipState = skip.network->named_parameters();
        QCOMPARE(plainState.size(), skipState.size());
        for (const auto& item : skipState) {
            const torch::Tensor* other = plainState.find(item.key());
            QVERIFY2(other && other->sizes() == item.value().sizes(), item.key().c_str());
        }
        // The identical recipe, field by field, and the command that differs only in the name.
        const auto& p = plain.metadata.provenance;
        const auto& s = skip.metadata.provenance;
        for (const char* key : {"dataset", "training_samples", "steps", "batch", "learning_rate",
                                "schedule", "momentum", "weight_decay", "augment", "seed"}) {
            QVERIFY2(p[key] == s[key], key);
        }
        const QString command = QString::fromStdString(p["command"].get<std::string>());
        QVERIFY2(command.contains(" train --arch plain20 "), qPrintable(command));
        QString asSkip = command;
        asSkip.replace("plain20", "resnet20").replace("default-plain.", "default.");
        QString skipCommand = QString::fromStdString(s["command"].get<std::string>());
        const auto tail = [](const QString& c) { return c.mid(c.indexOf(" train ")); };
        QCOMPARE(tail(asSkip).section(" --out ", 0, 0), tail(skipCommand).section(" --out ", 0, 0));
        QCOMPARE(QString::fromStdString(p["status"].get<std::string>()), QString("finished"));
        QCOMPARE(p["steps_done"], s["steps_done"]);

        // It reaches the accuracy its file records (whatever that is: no threshold).
        if (QFile::exists(QString(kFashionMnistDirectory) + "/t10k-images-idx3-ubyte.gz")) {
            const Dataset test = loadFashionMnist(kFashionMnistDirectory, Split::Test);
            const Preprocessing& pre = plain.metadata.preprocessing;
            const EvaluationResult result = evaluate(*plain.network, test, pre.mean, pre.std);
            const double claimed = p["test_accuracy"].get<double>();
            QVERIFY2(std::abs(result.accuracy - claimed) <= 0.0005,
                     qPrintable(QString("%1 vs %2").arg(result.accuracy).arg(claimed)));
            // README: 93.70%, 0.23 points below the ResNet-20's 93.93%.
            QVERIFY(std::abs(result.accuracy - 0.9370) <= 0.00015);
            QVERIFY(std::abs(result.loss - 0.176) <= 0.0005);  // the guide: mean loss 0.176
        }
    }

    // The deep twins (issue 15): resnet56 and plain56 from one recipe, at least 8 epochs,
    // each at the test accuracy its file records. Their numbers are in docs/user-guide.md.
    void deepTwinsAreResNet56AndPlain56FromOneRecipe() {
        LoadedModel deep = loadModel((resources_ + "/models/deep.pt").toStdString());
        LoadedModel plain = loadModel((resources_ + "/models/deep-plain.pt").toStdString());
        QCOMPARE(QString::fromStdString(deep.metadata.config.arch), QString("resnet56"));
        QCOMPARE(QString::fromStdString(plain.metadata.config.arch), QString("plain56"));
        QVERIFY(deep.metadata.config.skip && !plain.metadata.config.skip);
        QCOMPARE(deep.network->blocks().size(), size_t(27));
        const auto& d = deep.metadata.provenance;
        const auto& p = plain.metadata.provenance;
        for (const char* key : {"dataset", "training_samples", "steps", "batch", "learning_rate",
                                "schedule", "momentum", "weight_decay", "augment", "seed"}) {
            QVERIFY2(p[key] == d[key], key);
        }
        // 8 epochs of 60,000 images at batch 128: 8 x 469 steps, all of them done.
        QVERIFY(d["steps_done"].get<int64_t>() >= 8 * 469);
        QCOMPARE(p["steps_done"], d["steps_done"]);
        std::vector<double> accuracy, loss;
        for (LoadedModel* model : {&deep, &plain}) {
            const auto& provenance = model->metadata.provenance;
            const QString command =
                QString::fromStdString(provenance["command"].get<std::string>());
            QVERIFY2(command.contains(" train --arch " +
                                      QString::fromStdString(model->metadata.config.arch) + " "),
                     qPrintable(command));
            QCOMPARE(QString::fromStdString(provenance["status"].get<std::string>()),
                     QString("finished"));
            const Dataset test = loadFashionMnist(kFashionMnistDirectory, Split::Test);
            const Preprocessing& pre = model->metadata.preprocessing;
            const EvaluationResult result = evaluate(*model->network, test, pre.mean, pre.std);
            const double claimed = provenance["test_accuracy"].get<double>();
            QVERIFY2(std::abs(result.accuracy - claimed) <= 0.0005,
                     qPrintable(QString("%1 vs %2").arg(result.accuracy).arg(claimed)));
            accuracy.push_back(result.accuracy);
            loss.push_back(result.loss);
        }
        // README and docs/user-guide.md: 93.00% against 88.29% — the gap that opens with
        // depth (He et al. 2015's degradation problem), where the 20-layer twins are 0.23
        // points apart.
        QVERIFY(std::abs(accuracy[0] - 0.9300) <= 0.00015);
        QVERIFY(std::abs(accuracy[1] - 0.8829) <= 0.00015);
        QVERIFY(std::abs(loss[0] - 0.196) <= 0.0005 && std::abs(loss[1] - 0.319) <= 0.0005);
    }

    // He et al. 2015, Fig. 7, on the shipped four (docs/user-guide.md): the std of each
    // block's response F(x), averaged over the 100 gallery samples, is smaller in the
    // ResNets than in their plain twins — in 7 of 9 blocks at 20 layers, 23 of 27 at 56 —
    // but not smaller in the deeper ResNet. Relative to its shortcut, though, the deeper
    // ResNet's F(x) is far smaller: ||F(x)||/||shortcut|| has a median of 0.46 over its
    // blocks and is below 1 in 96% of them (the 20-layer one: 1.16 and 33%).
    // A regression guard for the guide's printed digits: the reference for the same numbers,
    // per block and per image, is tst_outside_references (PyTorch on the rebuilt networks).
    void regressionGuard_responsesAsDocumented() {
        const QDir gallery(resources_ + "/samples/fashion-mnist");
        std::vector<DecodedImage> images;
        for (const QString& name : gallery.entryList({"*.png"}, QDir::Files, QDir::Name)) {
            images.push_back(decodeImageFile(gallery.filePath(name).toStdString()));
        }
        QCOMPARE(images.size(), size_t(100));
        const DirectoryResources resources(resources_.toStdString());
        const auto profile = [&](const char* name) {
            return measureResponseProfile(resources, ModelRequest::shipped(name), images);
        };
        const auto mean = [](const ResponseProfile& p) {
            double sum = 0;
            for (double v : p.meanResidualStd) {
                sum += v;
            }
            return sum / p.meanResidualStd.size();
        };
        const auto smallerIn = [](const ResponseProfile& a, const ResponseProfile& b) {
            int count = 0;
            for (size_t i = 0; i < a.meanResidualStd.size(); ++i) {
                count += a.meanResidualStd[i] < b.meanResidualStd[i];
            }
            return count;
        };
        const ResponseProfile resnet20 = profile("default"), plain20 = profile("default-plain");
        const ResponseProfile resnet56 = profile("deep"), plain56 = profile("deep-plain");
        qInfo("mean std of F(x): resnet20 %.3f plain20 %.3f resnet56 %.3f plain56 %.3f",
              mean(resnet20), mean(plain20), mean(resnet56), mean(plain56));
        QCOMPARE(smallerIn(resnet20, plain20), 7);
        QCOMPARE(smallerIn(resnet56, plain56), 23);
        QVERIFY(mean(resnet20) < mean(plain20) && mean(resnet56) < mean(plain56));
        QVERIFY(mean(resnet56) > mean(resnet20));  // the paper's depth trend does not hold
        // The guide's table and text, to the digits printed.
        const auto near = [](double value, double printed, double half) {
            return std::abs(value - printed) <= half + 1e-9;
        };
        QVERIFY(near(mean(resnet20), 0.343, 0.0005) && near(mean(plain20), 0.351, 0.0005));
        QVERIFY(near(mean(resnet56), 0.385, 0.0005) && near(mean(plain56), 0.558, 0.0005));
        const double firstPlain[] = {1.87, 1.42, 0.95}, firstResNet[] = {0.53, 0.37, 0.39};
        qInfo("first blocks' std: plain56 %.3f %.3f %.3f, resnet56 %.3f %.3f %.3f",
              plain56.meanResidualStd[0], plain56.meanResidualStd[1], plain56.meanResidualStd[2],
              resnet56.meanResidualStd[0], resnet56.meanResidualStd[1],
              resnet56.meanResidualStd[2]);
        for (size_t i = 0; i < 3; ++i) {
            QVERIFY(near(plain56.meanResidualStd[i], firstPlain[i], 0.005));
            QVERIFY(near(resnet56.meanResidualStd[i], firstResNet[i], 0.005));
        }

        // The ratio, over every block of every gallery image.
        const auto ratios = [&](const char* name) {
            ExplorerSession session(resources, false);
            session.open(ModelRequest::shipped(name));
            std::vector<double> values;
            for (const ClassificationResult& r : session.classifyAll(images, 1)) {
                for (const BlockStatistics& b : r.blocks) {
                    values.push_back(*b.residualRatio);
                }
            }
            std::sort(values.begin(), values.end());
            return values;
        };
        const auto below = [](const std::vector<double>& v) {
            return double(std::count_if(v.begin(), v.end(), [](double x) { return x < 1; })) /
                   v.size();
        };
        const std::vector<double> deep = ratios("deep"), shallow = ratios("default");
        QVERIFY(std::abs(deep[deep.size() / 2] - 0.46) < 0.01);
        QVERIFY(std::abs(below(deep) - 0.96) < 0.01);
        QVERIFY(std::abs(shallow[shallow.size() / 2] - 1.16) < 0.01);
        QVERIFY(std::abs(below(shallow) - 0.33) < 0.01);
    }

    void galleryHasTenImagesPerClassAndIsRecognised() {
        LoadedModel model = loadModel((resources_ + "/models/default.pt").toStdString());
        const QDir gallery(resources_ + "/samples/fashion-mnist");
        const QStringList files = gallery.entryList({"*.png"}, QDir::Files, QDir::Name);
        std::vector<int> perClass(10, 0);
        std::vector<torch::Tensor> inputs;
        std::vector<int64_t> labels;
        for (const QString& name : files) {
            const int label = name.section('-', 0, 0).toInt();  // "<label>-<class>-<index>.png"
            ++perClass[static_cast<size_t>(label)];
            const PreparedImage prepared =
                prepareImage(decodeImageFile(gallery.filePath(name).toStdString()),
                             model.metadata.preprocessing);
            QVERIFY(!prepared.inverted);  // dataset images are light on black already
            inputs.push_back(prepared.tensor);
            labels.push_back(label);
        }
        for (int count : perClass) {
            QVERIFY(count >= 10);
        }
        const std::vector<Prediction> predictions =
            classify(*model.network, torch::stack(inputs), 1);
        int correct = 0;
        for (size_t i = 0; i < predictions.size(); ++i) {
            correct += predictions[i].top[0].index == labels[i];
        }
        QVERIFY2(correct >= 90 * static_cast<int>(files.size()) / 100,
                 qPrintable(QString("%1 of %2").arg(correct).arg(files.size())));
    }

    // What the user guide says of the magnitude chart, measured: on the shipped ResNet-20,
    // ||F(x)|| is of the same order as ||shortcut||, not a small correction. Over the 100
    // gallery images x 9 blocks the ratio's median lies between 1 and 1.5, and fewer than
    // half of the ratios are below 1.
    void residualBranchesAreAsLargeAsTheirShortcuts() {
        LoadedModel model = loadModel((resources_ + "/models/default.pt").toStdString());
        const QDir gallery(resources_ + "/samples/fashion-mnist");
        std::vector<torch::Tensor> inputs;
        for (const QString& name : gallery.entryList({"*.png"}, QDir::Files, QDir::Name)) {
            inputs.push_back(prepareImage(decodeImageFile(gallery.filePath(name).toStdString()),
                                          model.metadata.preprocessing)
                                 .tensor);
        }
        std::vector<double> ratios;
        for (const Prediction& p : classify(*model.network, torch::stack(inputs), 1)) {
            for (const BlockStatistics& block : p.blocks) {
                QVERIFY(block.residualRatio.has_value());
                ratios.push_back(*block.residualRatio);
            }
        }
        QCOMPARE(ratios.size(), size_t(900));
        std::sort(ratios.begin(), ratios.end());
        const double median = 0.5 * (ratios[449] + ratios[450]);
        const auto below =
            std::count_if(ratios.begin(), ratios.end(), [](double r) { return r < 1; });
        QVERIFY2(median > 1.0 && median < 1.5, qPrintable(QString("median %1").arg(median)));
        QVERIFY2(below < 450, qPrintable(QString("%1 of 900 below 1").arg(below)));
    }
};

QTEST_GUILESS_MAIN(ShippedModelsTest)
#include "tst_shipped_models.moc"
