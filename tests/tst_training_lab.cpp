// The training lab, offscreen: a short compare run fills both runs' charts; pause, resume
// and stop work; a diverging run shows a message; closing during a run ends cleanly.

#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "model/files/ModelFile.h"
#include "widgets/DepthProfileChart.h"
#include "widgets/GradientHistoryChart.h"
#include "widgets/LossChart.h"
#include "widgets/TrainingLabPanel.h"

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

}  // namespace

class TrainingLabTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aCompareRunFillsBothRunsCharts() {
        TrainingLabPanel lab;
        lab.show();
        configureQuick(lab, 6);
        QSignalSpy finished(&lab, &TrainingLabPanel::runFinished);
        lab.start();
        QVERIFY(finished.wait(kWaitMs));
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
        QSignalSpy finished(&lab, &TrainingLabPanel::runFinished);
        lab.start();
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(lab.history().status(0) == RunStatus::Diverged);
        QVERIFY(!lab.history().message(0).isEmpty());
        QVERIFY(stepsOf(lab, 0) < 20);
        QVERIFY(!lab.running());
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
