// reslens-cli train / compare / evaluate as scripts use them (docs/cli.md): the files they write
// and their fields, a diverging run, and interrupted runs that never leave a half-written
// model behind. Data: an image folder generated here.

#include <signal.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest/QtTest>

#include <algorithm>
#include <opencv2/core.hpp>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN

#include "CliRunner.h"
#include "imaging/ImageRendering.h"
#include "model/files/ModelFile.h"
#include "model/runtime/InputError.h"
#endif

namespace {

QStringList csvLines(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll()).trimmed().split('\n');
}

}  // namespace

class CliTrainingTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString data_;
    QString file(const QString& name) const { return dir_.filePath(name); }

    // Runs reslens-cli and interrupts it with `signal` once `path` exists (or after 20 s).
    int interruptOnceWritten(const QStringList& args, const QString& path, int signal) {
        return interruptCliOnceWritten(args, path, signal);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        data_ = "folder:" + file("shapes");
        const char* classes[] = {"bright", "dark", "striped"};
        for (int c = 0; c < 3; ++c) {
            QVERIFY(QDir(file("shapes")).mkpath(classes[c]));
            for (int i = 0; i < 8; ++i) {
                cv::Mat image(20, 20, CV_8UC3, cv::Scalar::all(c == 0 ? 220 - i : 30 + i));
                if (c == 2) {
                    for (int y = 0; y < 20; y += 4) {
                        image.row(y).setTo(cv::Scalar::all(250));
                    }
                }
                reslens::writePng(
                    file(QString("shapes/%1/%2.png").arg(classes[c]).arg(i)).toStdString(), image);
            }
        }
    }

    void trainWritesAModelWithItsProvenance() {
        const CliRun run =
            runCli({"train", "--arch", "resnet8", "--data", data_, "--steps", "3", "--batch", "8",
                    "--seed", "5", "--out", file("m.pt"), "--log", file("log.csv"), "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(doc["status"].toString(), QString("finished"));
        QCOMPARE(doc["steps"].toInt(), 3);

        const reslens::LoadedModel model = reslens::loadModel(file("m.pt").toStdString());
        QCOMPARE(model.metadata.labels, (std::vector<std::string>{"bright", "dark", "striped"}));
        QCOMPARE(model.metadata.config.classes, 3);
        QCOMPARE(model.metadata.config.inputHeight, 32);
        const auto& provenance = model.metadata.provenance;
        QVERIFY(provenance["command"].get<std::string>().find("train --arch resnet8") !=
                std::string::npos);
        QCOMPARE(provenance["steps_done"].get<int>(), 3);
        QCOMPARE(provenance["seed"].get<int>(), 5);

        const QStringList log = csvLines(file("log.csv"));
        QCOMPARE(log.size(), 4);
        QCOMPARE(log[0],
                 QString("step,loss,accuracy,layer1.0,layer2.0,layer3.0,learning_rate,epoch"));
        QCOMPARE(log[3].split(',').size(), 8);
        QVERIFY(log[1].startsWith("1,"));
    }

    void evaluateReportsAccuracyAndLoss() {
        QVERIFY(QFile::exists(file("m.pt")));
        const CliRun run = runCli({"evaluate", "--model", file("m.pt"), "--data", data_, "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(doc["samples"].toInt(), 24);
        QVERIFY(doc["accuracy"].toDouble() >= 0 && doc["accuracy"].toDouble() <= 1);
        QVERIFY(doc["loss"].toDouble() > 0);
        QCOMPARE(doc["model"].toString(), file("m.pt"));
        QVERIFY(doc.contains("data"));
    }

    void compareWritesSummaryAndOneCsvPerRun() {
        const CliRun run = runCli({"compare", "--arch", "resnet8", "--data", data_, "--steps", "2",
                                   "--batch", "8", "--seed", "3", "--out", file("pair")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile summaryFile(file("pair/summary.json"));
        QVERIFY(summaryFile.open(QIODevice::ReadOnly));
        const QJsonObject summary = QJsonDocument::fromJson(summaryFile.readAll()).object();
        QCOMPARE(summary["arch"].toString(), QString("resnet8"));
        QCOMPARE(summary["steps"].toInt(), 2);
        QCOMPARE(summary["seed"].toInt(), 3);
        for (const char* key : {"skip", "noskip"}) {
            const QJsonObject r = summary["runs"].toObject()[key].toObject();
            QCOMPARE(r["csv"].toString(), QString(key) + ".csv");
            QVERIFY(r["final_loss"].isDouble());
            const QJsonObject norms = r["grad_norms_step0"].toObject();
            QCOMPARE(norms.keys(), (QStringList{"layer1.0", "layer2.0", "layer3.0"}));
            const QStringList csv = csvLines(file("pair/") + r["csv"].toString());
            QCOMPARE(csv.size(), 3);
            QVERIFY(csv[0].startsWith("step,loss,accuracy,layer1.0,layer2.0,layer3.0"));
            // The CSV's first row carries the same norms as the summary (9 significant digits).
            const double fromCsv = csv[1].split(',')[3].toDouble();
            const double fromSummary = norms["layer1.0"].toDouble();
            QVERIFY(fromSummary > 0 && std::abs(fromCsv - fromSummary) <= 1e-8 * fromSummary);
        }
        QCOMPARE(summary["runs"].toObject()["noskip"].toObject()["arch"].toString(),
                 QString("plain8"));
    }

    // docs/user-guide.md, walkthrough step 5: at the first step on Fashion-MNIST (seed 1,
    // batch 32) plain-56's first block gets over 100 times the gradient norm of its last,
    // while ResNet-56's blocks stay within a factor of 10 of each other.
    void plainGradientsSpreadOverOrdersOfMagnitudeOnRealData() {
        const CliRun run =
            runCli({"--threads", "2", "compare", "--arch", "resnet56", "--data", "fashion-mnist",
                    "--steps", "1", "--batch", "32", "--seed", "1", "--out", file("deep-pair")},
                   QProcessEnvironment::systemEnvironment(), 600000);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile summaryFile(file("deep-pair/summary.json"));
        QVERIFY(summaryFile.open(QIODevice::ReadOnly));
        const QJsonObject runs =
            QJsonDocument::fromJson(summaryFile.readAll()).object()["runs"].toObject();
        const auto norms = [&](const char* run) {
            std::vector<double> values;
            const QJsonObject n = runs[run].toObject()["grad_norms_step0"].toObject();
            for (const QString& block : n.keys()) {  // "layer1.0" ... "layer3.8": depth order
                values.push_back(n[block].toDouble());
            }
            return values;
        };
        const std::vector<double> plain = norms("noskip"), residual = norms("skip");
        QCOMPARE(plain.size(), size_t(27));
        const auto [low, high] = std::minmax_element(residual.begin(), residual.end());
        qInfo("plain56 first/last %.1f, resnet56 max/min %.1f", plain.front() / plain.back(),
              *high / *low);
        QVERIFY(plain.front() > 100 * plain.back());
        QVERIFY(*high < 10 * *low);
    }

    void divergingRunSaysSoAndWritesNoModel() {
        const CliRun run = runCli({"train", "--arch", "resnet8", "--data", data_, "--steps", "30",
                                   "--batch", "8", "--lr", "1e9", "--out", file("diverged.pt")});
        QCOMPARE(run.exitCode, 1);
        const QByteArray err = run.err.trimmed();
        QVERIFY2(!err.contains('\n') && err.startsWith("reslens-cli: error: diverged at step"),
                 err.constData());
        QVERIFY(!QFile::exists(file("diverged.pt")));
    }

    void interruptedRunsLeaveNoHalfWrittenModel() {
        const QStringList args = {"train",   "--arch",  "resnet8", "--data", data_,
                                  "--steps", "1000000", "--batch", "8",      "--checkpoint-every",
                                  "1",       "--out"};
        // Ctrl-C: the run stops between steps and keeps what it learned.
        const int code =
            interruptOnceWritten(args + QStringList{file("int.pt")}, file("int.pt"), SIGINT);
        QCOMPARE(code, 130);
        const reslens::LoadedModel kept = reslens::loadModel(file("int.pt").toStdString());
        QCOMPARE(QString::fromStdString(kept.metadata.provenance["status"].get<std::string>()),
                 QString("cancelled"));
        // SIGKILL while checkpoints are being written every step: whatever is on disk under
        // the model's name is a complete model.
        interruptOnceWritten(args + QStringList{file("kill.pt")}, file("kill.pt"), SIGKILL);
        QVERIFY(reslens::loadModel(file("kill.pt").toStdString()).network);
        QCOMPARE(QDir(dir_.path()).entryList({"int.pt*"}, QDir::Files), QStringList{"int.pt"});
    }

    void badOptionsGetOneClearLine() {
        const QList<QStringList> cases = {
            {"train", "--arch", "resnet8", "--data", "mnist", "--steps", "1", "--out",
             file("x.pt")},
            {"train", "--arch", "resnet8", "--data", data_, "--steps", "1", "--epochs", "1",
             "--out", file("x.pt")},
            {"train", "--arch", "resnet8", "--data", data_, "--steps", "1", "--classes", "7",
             "--out", file("x.pt")},
            {"train", "--arch", "resnet8", "--data", "cifar10:" + file("nothing"), "--steps", "1",
             "--out", file("x.pt")},
            {"compare", "--arch", "resnet8", "--data", data_, "--out", file("p2")},
            {"evaluate", "--model", file("log.csv"), "--data", data_},
        };
        for (const QStringList& args : cases) {
            const CliRun run = runCli(args);
            QVERIFY2(run.isOneLineUsageError(),
                     qPrintable(args.join(' ') + " -> " + QString::number(run.exitCode) + ": " +
                                run.err));
        }
        QVERIFY(!QFile::exists(file("x.pt")));
    }
};

QTEST_GUILESS_MAIN(CliTrainingTest)
#include "tst_cli_training.moc"
