// What the command line asks the window to do (StartupScript), run as main() runs it but
// without a process: the first start opens on the lessons and a view asked for does not;
// --block and --grad-cam are shown with the first model; a run file that does not open is
// refused in one line; --lab trains the pair and --landscape slices the model and its twin,
// each with --screenshot: the PNG is written (the landscape's CSV beside it) and the
// scenario finishes with exit code 0.

#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <memory>

#include "WindowTesting.h"
#include "widgets/explorer/BlockListWidget.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/explorer/FeatureMapPanel.h"
#include "widgets/lab/TrainingHistory.h"
#include "widgets/lab/TrainingLabPanel.h"
#include "widgets/lessons/LessonsPage.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/studies/LandscapeView.h"

using namespace reslens;
using reslens::testing::find;

namespace {

constexpr int kWaitMs = 120000;

QWidget* currentPage(MainWindow& window) {
    return find<QTabWidget>(window)->currentWidget();
}

}  // namespace

class StartupScriptTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    // Runs first: these settings have never shown the start page.
    void theFirstStartOpensOnTheLessonsOnce() {
        {
            MainWindow window;
            window.show();
            QCOMPARE(window.start({}), QString());
            QVERIFY(qobject_cast<LessonsPage*>(currentPage(window)));
        }
        MainWindow again;
        again.show();
        QCOMPARE(again.start({}), QString());
        QVERIFY(!qobject_cast<LessonsPage*>(currentPage(again)));
    }

    void blockAndGradCamAreShownWithTheFirstModel() {
        MainWindow window;
        window.show();
        StartupOptions options;
        options.block = 4;
        options.gradCam = true;
        ExplorerController* explorer = find<ExplorerController>(window);
        QSignalSpy grids(explorer, &ExplorerController::featureGridShown);
        QCOMPARE(window.start(options), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!grids.isEmpty() && grids.last().first().toInt() == 4 &&
                                     !explorer->lastClassification().top.isEmpty(),
                                 kWaitMs);
        QCOMPARE(find<BlockListWidget>(window)->currentEntry(), 4);
        QVERIFY(find<FeatureMapPanel>(window)->gradCamShown());
    }

    void aRunFileThatDoesNotOpenIsRefused() {
        MainWindow window;
        StartupOptions options;
        options.openRun = dir_.filePath("no-such-run.json");
        const QString error = window.start(options);
        QVERIFY2(error.contains("no-such-run.json"), qPrintable(error));
        QVERIFY(!error.contains('\n'));
    }

    void theLabTrainsThePairThenTheShotIsTaken() {
        MainWindow window;
        window.show();
        StartupOptions options;
        options.labArch = QStringLiteral("resnet20");
        options.labSteps = 3;
        options.labBatch = 8;
        options.screenshot = dir_.filePath("lab.png");
        QSignalSpy finished(&window, &MainWindow::scriptFinished);
        QCOMPARE(window.start(options), QString());
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.first().first().toInt(), 0);
        const TrainingHistory& history = find<TrainingLabPanel>(window)->history();
        QCOMPARE(history.runCount(), 2);  // the network and its plain twin
        QCOMPARE(history.steps(0).size(), 3);
        QCOMPARE(history.steps(1).size(), 3);
        QCOMPARE(currentPage(window), static_cast<QWidget*>(find<TrainingLabPanel>(window)));
        QVERIFY(!QImage(options.screenshot).isNull());
    }

    void theLandscapeSlicesTheTwinsThenWritesTheShotAndItsCsv() {
        MainWindow window;
        window.show();
        StartupOptions options;
        LandscapeOptions slice;
        slice.points = 3;
        slice.samples = 50;
        options.landscape = slice;
        options.screenshot = dir_.filePath("landscape.png");
        QSignalSpy finished(&window, &MainWindow::scriptFinished);
        QCOMPARE(window.start(options), QString());
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.first().first().toInt(), 0);
        QVERIFY(!QImage(options.screenshot).isNull());
        QFile csv(dir_.filePath("landscape.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.first(), QByteArray("alpha,loss,accuracy,model,data,samples,seed"));
        QCOMPARE(lines.size(), 1 + 2 * 3);  // the default and its plain twin, 3 points each
        QVERIFY(lines[1].contains(",default (resnet20),fashion-mnist:train,50,1"));
        QVERIFY(lines[4].contains(",default-plain (plain20),fashion-mnist:train,50,1"));
    }
};

int main(int argc, char** argv) {
    return reslens::testing::runWithOwnSettings<StartupScriptTest>(argc, argv,
                                                                   "tst_startup_script");
}
#include "tst_startup_script.moc"
