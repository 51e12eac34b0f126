// The training lab, offscreen: a short compare run fills both runs' charts; pause, resume
// and stop work; a diverging run shows a message; closing during a run ends cleanly; a
// saved run (and a reslens-cli compare folder) reopens with every chart as it was, and a
// damaged one is refused with one message, leaving the lab as it was.

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "CliRunner.h"
#include "model/files/ModelFile.h"
#include "widgets/lab/DepthProfileChart.h"
#include "widgets/lab/GradientHistoryChart.h"
#include "widgets/lab/LossChart.h"
#include "widgets/lab/TrainingLabPanel.h"

using namespace reslens;

namespace {

constexpr int kWaitMs = 120000;

qint64 stepsOf(const TrainingLabPanel& lab, int run) {
    return lab.history().runCount() > run ? lab.history().steps(run).size() : 0;
}

// A small, quick slice of Fashion-MNIST.
void configureQuick(TrainingLabPanel& lab, qint64 steps) {
    lab.setArchitecture("resnet20");
    lab.setSteps(steps);
    lab.setBatch(16);
    lab.setSubset(512);
    lab.setCompare(true);
}

// Starts the lab's run and waits for it to end.
bool trainToEnd(TrainingLabPanel& lab) {
    QSignalSpy finished(&lab, &TrainingLabPanel::runFinished);
    lab.start();
    return finished.wait(kWaitMs);
}

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Everything the lab's charts draw, in one list per chart and series: what a viewer sees.
QList<QList<QPointF>> chartData(const TrainingLabPanel& lab) {
    QList<QList<QPointF>> data;
    for (int run = 0; run < 2; ++run) {
        data << lab.lossChart()->lossPoints(run) << lab.lossChart()->accuracyPoints(run)
             << lab.depthChart()->points(run);
        for (int b = 0; b < lab.historyChart(run)->seriesCount(); ++b) {
            data << lab.historyChart(run)->points(b);
        }
    }
    return data;
}

bool sameSteps(const TrainingHistory& a, const TrainingHistory& b) {
    if (a.runCount() != b.runCount() || a.plan().runs != b.plan().runs ||
        a.plan().blocks != b.plan().blocks || a.plan().totalSteps != b.plan().totalSteps ||
        a.plan().data != b.plan().data) {
        return false;
    }
    for (int r = 0; r < a.runCount(); ++r) {
        if (a.steps(r).size() != b.steps(r).size() || a.status(r) != b.status(r) ||
            a.message(r) != b.message(r)) {
            return false;
        }
        for (int i = 0; i < a.steps(r).size(); ++i) {
            const StepUpdate& x = a.steps(r)[i];
            const StepUpdate& y = b.steps(r)[i];
            if (x.step != y.step || x.loss != y.loss || x.accuracy != y.accuracy ||
                x.learningRate != y.learningRate || x.epoch != y.epoch ||
                x.blockNorms != y.blockNorms || x.outputNorms != y.outputNorms) {
                return false;
            }
        }
    }
    return true;
}

}  // namespace

class TrainingLabTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aCompareRunFillsBothRunsCharts() {
        TrainingLabPanel lab;
        lab.show();
        configureQuick(lab, 6);
        QVERIFY(trainToEnd(lab));
        QCOMPARE(lab.history().plan().runs, (QStringList{"resnet20", "plain20"}));
        QCOMPARE(lab.history().plan().blocks.size(), 9);
        for (int run = 0; run < 2; ++run) {
            QCOMPARE(stepsOf(lab, run), qint64(6));
            QVERIFY(lab.history().status(run) == RunStatus::Finished);
            QCOMPARE(lab.lossChart()->pointCount(run), 6);
            QCOMPARE(lab.historyChart(run)->seriesCount(), 9);  // one series per block
            QCOMPARE(lab.historyChart(run)->pointCount(), 6);   // one point per step
            QCOMPARE(lab.depthChart()->pointCount(run), 9);     // the profile: one per block
        }
        QCOMPARE(lab.depthChart()->seriesCount(), 2);
        // One legend entry per run, named by the run alone: four did not fit and were cut.
        for (QChartView* chart : {static_cast<QChartView*>(lab.lossChart()),
                                  static_cast<QChartView*>(lab.depthChart())}) {
            QStringList shown;
            for (QLegendMarker* marker : chart->chart()->legend()->markers()) {
                if (marker->isVisible()) {
                    shown << marker->label();
                }
            }
            QCOMPARE(shown, (QStringList{"resnet20", "plain20"}));
        }
        // Lockstep on the same batches: step k of both runs reported, in order.
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(lab.history().steps(0)[i].step, qint64(i + 1));
            QCOMPARE(lab.history().steps(1)[i].step, qint64(i + 1));
        }

        QTemporaryDir dir;
        const QString csv = dir.filePath("run.csv");
        QCOMPARE(lab.exportCsv(csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 2 * 6);
        QCOMPARE(lines[0].split(',').size(), 6 + 2 * 9);
        QVERIFY(lines[7].startsWith("1,plain20,1,"));
        const QString svg = dir.filePath("charts.svg");
        QCOMPARE(lab.exportCharts(svg), QString());
        QVERIFY(QFileInfo(svg).size() > 1000);

        // The trained plain twin saves as a model file that loads, with its provenance.
        const QString model = dir.filePath("plain20.pt");
        QCOMPARE(lab.saveModel(1, model), QString());
        const LoadedModel loaded = loadModel(model.toStdString());
        QCOMPARE(QString::fromStdString(loaded.metadata.config.arch), QString("plain20"));
        QCOMPARE(loaded.metadata.provenance["steps_done"].get<int64_t>(), int64_t(6));
    }

    void pauseResumeAndStopWork() {
        TrainingLabPanel lab;
        lab.show();
        configureQuick(lab, 100000);
        QSignalSpy refreshed(&lab, &TrainingLabPanel::chartsRefreshed);
        QSignalSpy finished(&lab, &TrainingLabPanel::runFinished);
        lab.start();
        QVERIFY(refreshed.wait(kWaitMs));
        lab.togglePause();
        QVERIFY(lab.paused());
        QTest::qWait(400);  // the step in flight ends
        const qint64 atPause = stepsOf(lab, 0);
        QTest::qWait(800);
        QCOMPARE(stepsOf(lab, 0), atPause);
        lab.togglePause();
        QVERIFY(!lab.paused());
        QTRY_VERIFY_WITH_TIMEOUT(stepsOf(lab, 0) > atPause, kWaitMs);
        lab.stop();
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(!lab.running());
        QVERIFY(lab.history().status(0) == RunStatus::Cancelled);
        QVERIFY(stepsOf(lab, 0) < 100000);
        // What was learned is kept: it saves as a model file.
        QTemporaryDir dir;
        QCOMPARE(lab.saveModel(0, dir.filePath("stopped.pt")), QString());
        QVERIFY(QFileInfo(dir.filePath("stopped.pt")).size() > 100000);
    }

    void aDivergingRunShowsAMessageInsteadOfCrashing() {
        TrainingLabPanel lab;
        lab.show();
        configureQuick(lab, 20);
        lab.setLearningRate(1e8);
        QVERIFY(trainToEnd(lab));
        QVERIFY(lab.history().status(0) == RunStatus::Diverged);
        QVERIFY(!lab.history().message(0).isEmpty());
        QVERIFY(stepsOf(lab, 0) < 20);
        QVERIFY(!lab.running());
    }

    void aSavedRunReopensWithEveryChartAsItWas() {
        QTemporaryDir dir;
        TrainingLabPanel lab;
        lab.show();
        configureQuick(lab, 5);
        lab.setLearningRate(0.05);
        QVERIFY(trainToEnd(lab));
        const QString path = dir.filePath("class.reslens-run");
        QCOMPARE(lab.saveRun(path, /*withWeights=*/true), QString());
        const QString light = dir.filePath("light.reslens-run");
        QCOMPARE(lab.saveRun(light, /*withWeights=*/false), QString());
        QVERIFY(QFileInfo(light).size() * 10 < QFileInfo(path).size());

        TrainingLabPanel reopened;
        reopened.show();
        reopened.setArchitecture("resnet110");  // the form takes the saved recipe instead
        reopened.setSteps(17);
        QCOMPARE(reopened.openRun(path), QString());
        QCOMPARE(reopened.openedFrom(), QFileInfo(path).absoluteFilePath());
        QVERIFY(sameSteps(reopened.history(), lab.history()));
        const auto original = chartData(lab);
        QCOMPARE(original.size(), 2 * (3 + 9));
        for (const auto& series : original) {
            QVERIFY(!series.isEmpty());
        }
        QCOMPARE(chartData(reopened), original);
        const TrainingRequest recipe = reopened.request();
        QCOMPARE(QString::fromStdString(recipe.config.arch), QString("resnet20"));
        QCOMPARE(recipe.steps, qint64(5));
        QCOMPARE(recipe.batch, 16);
        QCOMPARE(recipe.subset, qint64(512));
        QCOMPARE(recipe.learningRate, 0.05);
        QVERIFY(recipe.compare);

        // The trained networks came along: both save byte for byte as the lab had them.
        for (int run = 0; run < 2; ++run) {
            const QString a = dir.filePath(QString("original%1.pt").arg(run));
            const QString b = dir.filePath(QString("reopened%1.pt").arg(run));
            QCOMPARE(lab.saveModel(run, a), QString());
            QCOMPARE(reopened.saveModel(run, b), QString());
            QCOMPARE(fileBytes(b), fileBytes(a));
        }
        // Saved without weights: the charts open, the networks do not.
        TrainingLabPanel chartsOnly;
        QCOMPARE(chartsOnly.openRun(light), QString());
        QCOMPARE(chartData(chartsOnly), original);
        const QString refused = chartsOnly.saveModel(0, dir.filePath("none.pt"));
        QVERIFY2(refused.contains("without the trained networks"), qPrintable(refused));
        QVERIFY(!QFileInfo::exists(dir.filePath("none.pt")));
    }

    void aDamagedRunFileGivesOneMessageAndKeepsTheLab() {
        QTemporaryDir dir;
        TrainingLabPanel lab;
        lab.show();
        configureQuick(lab, 3);
        QVERIFY(trainToEnd(lab));
        const QString good = dir.filePath("good.reslens-run");
        QCOMPARE(lab.saveRun(good, false), QString());
        const QByteArray bytes = fileBytes(good);
        const auto before = chartData(lab);
        const struct {
            const char* name;
            QByteArray content;
            const char* expected;
        } damaged[] = {
            {"cut.reslens-run", bytes.left(bytes.size() * 2 / 3), "truncated"},
            {"edited.reslens-run", QByteArray(bytes).replace("\"batch\": 16", "\"batch\": 61"),
             "changed after it was saved"},
            {"other.reslens-run", QByteArray("PK\x03\x04 not a run"), "not a ResLens saved run"},
        };
        for (const auto& d : damaged) {
            const QString path = dir.filePath(d.name);
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(d.content);
            file.close();
            const QString message = lab.openRun(path);
            QVERIFY2(
                message.contains(d.expected) && message.contains(path) && !message.contains('\n'),
                qPrintable(message));
            QVERIFY(lab.openedFrom().isEmpty());  // still the run trained here
            QCOMPARE(chartData(lab), before);
            QCOMPARE(lab.history().steps(0).size(), 3);
        }
    }

    void aCompareFolderOpensInTheLab() {
        QTemporaryDir dir;
        const QString out = dir.filePath("night");
        const CliRun run = runCli({"--threads", "1", "compare", "--arch", "resnet20", "--data",
                                   "fashion-mnist", "--steps", "4", "--batch", "8", "--out", out});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        TrainingLabPanel lab;
        lab.show();
        QCOMPARE(lab.openRun(out), QString());
        QCOMPARE(lab.history().plan().runs, (QStringList{"resnet20", "plain20"}));
        for (int r = 0; r < 2; ++r) {
            QCOMPARE(lab.lossChart()->pointCount(r), 4);
            QCOMPARE(lab.historyChart(r)->pointCount(), 4);
            QCOMPARE(lab.depthChart()->pointCount(r), 9);
        }
        // The loss chart draws the CSV's numbers.
        const QList<QByteArray> lines = fileBytes(out + "/noskip.csv").trimmed().split('\n');
        for (int s = 1; s <= 4; ++s) {
            QCOMPARE(lab.lossChart()->lossPoints(1)[s - 1],
                     QPointF(s, lines[s].split(',')[1].toDouble()));
        }
        QCOMPARE(lab.request().batch, 8);
    }

    void theFirstStepStaysOnTheDepthChart() {
        TrainingLabPanel lab;
        lab.show();
        configureQuick(lab, 6);
        QVERIFY(trainToEnd(lab));
        for (int run = 0; run < 2; ++run) {
            const StepUpdate& first = lab.history().steps(run).first();
            const StepUpdate& last = lab.history().steps(run).last();
            QCOMPARE(first.step, qint64(1));
            QList<QPointF> expectedFirst, expectedNow;
            for (int b = 0; b < 9; ++b) {
                expectedFirst << QPointF(b + 1, first.blockNorms[b]);
                expectedNow << QPointF(b + 1, last.blockNorms[b]);
            }
            QCOMPARE(lab.depthChart()->firstPoints(run), expectedFirst);
            QCOMPARE(lab.depthChart()->points(run), expectedNow);
            QVERIFY(expectedFirst != expectedNow);
        }
        QVERIFY(lab.depthChart()->firstStepShown());
        lab.depthChart()->setFirstStepShown(false);
        QVERIFY(!lab.depthChart()->firstStepShown());
        QCOMPARE(lab.depthChart()->firstPoints(0).size(), 9);  // kept, only hidden
    }

    void theLearningRateFollowsTheBatch() {
        TrainingLabPanel lab;
        // The defaults: batch 64 at 0.1 x 64 / 128.
        QCOMPARE(lab.request().batch, 64);
        QCOMPARE(lab.request().steps, qint64(300));
        QCOMPARE(lab.request().learningRate, 0.05);
        lab.setBatch(32);
        QCOMPARE(lab.request().learningRate, 0.025);
        lab.setBatch(256);
        QCOMPARE(lab.request().learningRate, 0.2);
        lab.setLearningRate(0.3);  // the user's own rate stays
        lab.setBatch(32);
        QCOMPARE(lab.request().learningRate, 0.3);
    }

    void closingDuringARunEndsCleanly() {
        auto lab = std::make_unique<TrainingLabPanel>();
        lab->show();
        configureQuick(*lab, 100000);
        QPointer<QObject> worker = lab->worker();
        QSignalSpy refreshed(lab.get(), &TrainingLabPanel::chartsRefreshed);
        lab->start();
        QVERIFY(refreshed.wait(kWaitMs));
        lab.reset();  // cancels the run and joins the training thread
        QVERIFY2(!worker, "the training worker outlived the panel");

        // Also while paused: cancel wakes the paused run.
        lab = std::make_unique<TrainingLabPanel>();
        configureQuick(*lab, 100000);
        worker = lab->worker();
        QSignalSpy again(lab.get(), &TrainingLabPanel::chartsRefreshed);
        lab->start();
        QVERIFY(again.wait(kWaitMs));
        lab->togglePause();
        lab.reset();
        QVERIFY(!worker);
    }
};

QTEST_MAIN(TrainingLabTest)
#include "tst_training_lab.moc"
