// Numbers the docs and the lessons state, against an outside reference: plain PyTorch
// (tests/fixtures/outside_reference.py) rebuilds each shipped network from its file with
// torch.nn.functional and computes the number from its definition. Not snapshots of this
// code's earlier output:
// - the response std of F(x) per block and ||F(x)||/||shortcut|| per image and block (He et
//   al. 2015, Fig. 7; the user guide's response table), for the shipped four;
// - the deep twins' test accuracy and loss (README, user guide: 93.00% and 88.29%);
// - loss-landscape slices: the directions ResLens draws, written out by `reslens-cli
//   landscape --directions`, walked by a PyTorch loop (the guide's 1-D table of the
//   20-layer twins, and a 2-D slice of the deep twins as the landscape lesson draws it).

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <cmath>

#ifndef Q_MOC_RUN
#include "CliRunner.h"
#include "app/core/explorer/ExplorerSession.h"
#include "app/core/models/DirectoryResources.h"
#include "app/core/studies/ResponseProfile.h"
#include "imaging/ImageDecoder.h"
#endif

using namespace reslens;

namespace {

const QString kResources = QStringLiteral(RESLENS_SOURCE_RESOURCES);

// Runs the fixture; its JSON output.
QJsonObject reference(const QStringList& arguments, const QString& out) {
    QProcess python;
    python.start(QStringLiteral(RESLENS_PYTHON),
                 QStringList{QStringLiteral(RESLENS_FIXTURES) + "/outside_reference.py"} +
                     arguments + QStringList{out});
    if (!python.waitForFinished(600000) || python.exitCode() != 0) {
        qWarning("%s", python.readAllStandardError().constData());
        return {};
    }
    QFile file(out);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject cliJson(const QStringList& arguments) {
    const CliRun run = runCli(arguments, QProcessEnvironment::systemEnvironment(), 600000);
    if (run.exitCode != 0) {
        qWarning("%s", run.err.constData());
        return {};
    }
    return QJsonDocument::fromJson(run.out).object();
}

std::vector<double> flat(const QJsonValue& value) {
    std::vector<double> out;
    for (const QJsonValue& v : value.toArray()) {
        if (v.isArray()) {
            const std::vector<double> row = flat(v);
            out.insert(out.end(), row.begin(), row.end());
        } else {
            out.push_back(v.toDouble());
        }
    }
    return out;
}

bool closeTo(double a, double b, double relative) {
    return std::abs(a - b) <= relative * std::max(1.0, std::abs(b));
}

}  // namespace

class OutsideReferencesTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private Q_SLOTS:
    void responsesAgreeWithPyTorch_data() {
        QTest::addColumn<QString>("model");
        for (const char* model : {"default", "default-plain", "deep", "deep-plain"}) {
            QTest::newRow(model) << QString(model);
        }
    }

    void responsesAgreeWithPyTorch() {
        QFETCH(QString, model);
        const QString gallery = kResources + "/samples/fashion-mnist";
        const QJsonObject expected =
            reference({"responses", kResources + "/models/" + model + ".pt", gallery},
                      dir_.filePath(model + "-responses.json"));
        QVERIFY(!expected.isEmpty());
        std::vector<DecodedImage> images;
        const QStringList files =
            QDir(gallery).entryList({"*.png"}, QDir::Files, QDir::Name);  // as Python sorts
        for (const QString& name : files) {
            images.push_back(decodeImageFile(QDir(gallery).filePath(name).toStdString()));
        }
        const DirectoryResources resources(kResources.toStdString());
        const ResponseProfile profile =
            measureResponseProfile(resources, ModelRequest::shipped(model.toStdString()), images);
        const std::vector<double> stds = flat(expected["mean_std"]);
        QCOMPARE(profile.meanResidualStd.size(), stds.size());
        for (size_t b = 0; b < stds.size(); ++b) {
            QVERIFY2(closeTo(profile.meanResidualStd[b], stds[b], 1e-4),
                     qPrintable(QString("%1: %2 against %3")
                                    .arg(QString::fromStdString(profile.blocks[b]))
                                    .arg(profile.meanResidualStd[b])
                                    .arg(stds[b])));
        }
        // The ratio of every block on every image; a plain block has no shortcut.
        ExplorerSession session(resources, false);
        session.open(ModelRequest::shipped(model.toStdString()));
        const QJsonArray ratios = expected["ratios"].toArray();
        const std::vector<ClassificationResult> results = session.classifyAll(images, 1);
        QCOMPARE(results.size(), size_t(ratios.size()));
        for (size_t i = 0; i < results.size(); ++i) {
            const QJsonArray row = ratios[int(i)].toArray();
            for (size_t b = 0; b < results[i].blocks.size(); ++b) {
                const std::optional<double>& ratio = results[i].blocks[b].residualRatio;
                if (row[int(b)].isNull()) {
                    QVERIFY(!ratio);
                    continue;
                }
                QVERIFY(ratio);
                QVERIFY2(closeTo(*ratio, row[int(b)].toDouble(), 1e-3),
                         qPrintable(QString("image %1 block %2: %3 against %4")
                                        .arg(i)
                                        .arg(b)
                                        .arg(*ratio)
                                        .arg(row[int(b)].toDouble())));
            }
        }
    }

    // The deep twins on the 10,000 test images: reslens-cli evaluate and PyTorch agree, and
    // both are the README's 93.00% and 88.29%.
    void theDeepTwinsAccuraciesAgreeWithPyTorch() {
        const struct {
            const char* model;
            double documented;
        } twins[] = {{"deep", 0.9300}, {"deep-plain", 0.8829}};
        for (const auto& twin : twins) {
            const QJsonObject expected =
                reference({"evaluate", kResources + "/models/" + twin.model + ".pt",
                           "/usr/share/datasets/fashion-mnist"},
                          dir_.filePath(QString(twin.model) + "-evaluate.json"));
            QVERIFY(!expected.isEmpty());
            const QJsonObject ours =
                cliJson({"evaluate", "--model", twin.model, "--data", "fashion-mnist", "--json"});
            QVERIFY(!ours.isEmpty());
            const double accuracy = expected["accuracy"].toDouble();
            qInfo("%s: PyTorch %.4f, reslens-cli %.4f", twin.model, accuracy,
                  ours["accuracy"].toDouble());
            // At most one of 10,000 images on the other side of a float tie.
            QVERIFY(std::abs(ours["accuracy"].toDouble() - accuracy) <= 1e-4 + 1e-12);
            QVERIFY(closeTo(ours["loss"].toDouble(), expected["loss"].toDouble(), 1e-4));
            QVERIFY2(std::abs(accuracy - twin.documented) <= 0.00005 + 1e-12,
                     qPrintable(QString::number(accuracy, 'f', 4)));
        }
    }

    // A slice walked by PyTorch along the directions ResLens wrote.
    void landscapeSlicesAgreeWithPyTorch_data() {
        QTest::addColumn<QStringList>("arguments");
        // The guide's table of the 20-layer twins (seed 1, 2,000 images): its five points,
        // alpha = -1, -0.5, 0, 0.5, 1, of the same direction as its 21.
        QTest::newRow("default 1-D") << QStringList{"--model", "default", "--points", "5"};
        QTest::newRow("default-plain 1-D")
            << QStringList{"--model", "default-plain", "--points", "5"};
        // As the landscape lesson draws them, smaller: 5x5 on 200 images, seed 3.
        QTest::newRow("deep 2-D") << QStringList{"--model",   "deep", "--2d",   "--points", "5",
                                                 "--samples", "200",  "--seed", "3"};
        QTest::newRow("deep-plain 2-D") << QStringList{
            "--model", "deep-plain", "--2d", "--points", "5", "--samples", "200", "--seed", "3"};
    }

    void landscapeSlicesAgreeWithPyTorch() {
        QFETCH(QStringList, arguments);
        const QString tag = QString(QTest::currentDataTag()).replace(' ', '-');
        const QString directions = dir_.filePath(tag + "-directions.pt");
        const QString slice = dir_.filePath(tag + "-slice.json");
        const QJsonObject ours = cliJson(QStringList{"landscape"} + arguments +
                                         QStringList{"--json", "--directions", directions});
        QVERIFY(!ours.isEmpty());
        QFile file(slice);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(ours).toJson());
        file.close();
        const QJsonObject expected =
            reference({"landscape", kResources + "/models/" + arguments[1] + ".pt",
                       "/usr/share/datasets/fashion-mnist", directions, slice},
                      dir_.filePath(tag + "-reference.json"));
        QVERIFY(!expected.isEmpty());
        const std::vector<double> loss = flat(ours["loss"]), accuracy = flat(ours["accuracy"]);
        const std::vector<double> refLoss = flat(expected["loss"]);
        const std::vector<double> refAccuracy = flat(expected["accuracy"]);
        QCOMPARE(loss.size(), refLoss.size());
        const double samples = ours["samples"].toDouble();
        for (size_t i = 0; i < loss.size(); ++i) {
            QVERIFY2(
                closeTo(loss[i], refLoss[i], 1e-4),
                qPrintable(QString("point %1: %2 against %3").arg(i).arg(loss[i]).arg(refLoss[i])));
            QVERIFY(std::abs(accuracy[i] - refAccuracy[i]) <= 1.0 / samples + 1e-12);
        }
        if (tag == "default-1-D") {
            // The guide's table at alpha = -1, -0.5, 0, 0.5, 1, from PyTorch's numbers.
            const double guide[] = {3.94, 0.79, 0.13, 0.67, 5.10};
            for (size_t k = 0; k < 5; ++k) {
                QVERIFY2(std::abs(refLoss[k] - guide[k]) <= 0.005 + 1e-9,
                         qPrintable(QString::number(refLoss[k])));
            }
        }
    }
};

QTEST_GUILESS_MAIN(OutsideReferencesTest)
#include "tst_outside_references.moc"
