// The desktop window, offscreen: start-up, drops, keyboard stepping, errors, exports.

#include <QCheckBox>
#include <QDropEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <algorithm>

#include "CliRunner.h"
#include "WindowTesting.h"
#include "widgets/explorer/BlockListWidget.h"
#include "widgets/explorer/DropZone.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/explorer/FeatureGridView.h"
#include "widgets/explorer/FeatureMapPanel.h"
#include "widgets/explorer/InputPanel.h"
#include "widgets/explorer/MagnitudeChart.h"
#include "widgets/explorer/ParameterTable.h"
#include "widgets/explorer/PredictionBars.h"
#include "widgets/shell/ImportDialog.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/shell/MessageBar.h"
#include "widgets/shell/SettingsKeys.h"
#include "widgets/studies/LandscapeView.h"
#include "widgets/studies/LesionBlockChart.h"
#include "widgets/studies/LesionDepthChart.h"
#include "widgets/studies/LesionView.h"
#include "widgets/studies/ResponseView.h"

using namespace reslens;
using reslens::testing::dropFile;
using reslens::testing::find;

namespace {

constexpr int kWaitMs = 60000;

// A whole study (10,000 test images through a model and its twin): five minutes, times
// RESLENS_TEST_TIME_SCALE, which tools/sanitize.sh sets for code running 3-4x slower.
int studyWaitMs() {
    const int scale = std::max(1, qEnvironmentVariableIntValue("RESLENS_TEST_TIME_SCALE"));
    return 300000 * scale;
}

QString sample(const QString& name) {
    return QStringLiteral(RESLENS_SOURCE_RESOURCES "/samples/fashion-mnist/") + name;
}

// Waits for the next grid of `entry` (grids for other entries may arrive first).
bool waitForGrid(QSignalSpy& spy, int entry) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kWaitMs) {
        for (const QList<QVariant>& args : spy) {
            if (args.at(0).toInt() == entry) {
                return true;
            }
        }
        spy.wait(1000);
    }
    return false;
}

}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;

    // One window for the whole sequence, started as a first-time user starts it.
    MainWindow& window() { return *window_; }
    // The explorer's protocol, which the window does not hand out: found as a child.
    ExplorerController* explorer() { return find<ExplorerController>(window()); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        window_ = std::make_unique<MainWindow>();
        window_->show();
    }

    void startsWithTheDefaultModelAndAClassifiedSample() {
        QSignalSpy shown(explorer(), &ExplorerController::predictionsShown);
        QSignalSpy grids(explorer(), &ExplorerController::featureGridShown);
        // The grid drawn before the image arrived says "drop an image": forget it the moment
        // the prediction is shown (not after wait() returns, by when the image's own grid
        // may have come in too and been forgotten with it).
        const QMetaObject::Connection forget = connect(
            explorer(), &ExplorerController::predictionsShown, this, [&grids] { grids.clear(); });
        window().start({});
        QVERIFY(shown.wait(kWaitMs));
        disconnect(forget);
        QVERIFY(explorer()->model().title.contains("default"));
        QCOMPARE(find<BlockListWidget>(window())->blockCount(), 9);  // resnet20: 3 stages of 3
        const auto& top = find<PredictionBars>(window())->predictions();
        QCOMPARE(top.size(), 5);
        for (int i = 1; i < top.size(); ++i) {
            QVERIFY(top[i - 1].probability >= top[i].probability);
        }
        // The first gallery image, a T-shirt, shown as the 28x28 gray the network receives.
        QCOMPARE(explorer()->lastClassification().source, QString("0-t-shirt-top-0019.png"));
        QCOMPARE(explorer()->lastClassification().networkInput.size(), QSize(28, 28));
        QVERIFY(waitForGrid(grids, 1));
        QVERIFY(!find<FeatureMapPanel>(window())->view().grid.isNull());
        QCOMPARE(find<MagnitudeChart>(window())->pointCount(), 9);
        QVERIFY(find<InputPanel>(window())->gallery()->count() >= 100);
    }

    void aDroppedPngIsClassifiedAsTheCliClassifiesIt() {
        const QString file = dir_.filePath("trouser.png");
        QVERIFY(QFile::copy(sample("1-trouser-0002.png"), file));
        QSignalSpy shown(explorer(), &ExplorerController::predictionsShown);
        QVERIFY(dropFile(find<InputPanel>(window())->dropZone(), file));
        QVERIFY(shown.wait(kWaitMs));
        const auto& top = find<PredictionBars>(window())->predictions();
        QCOMPARE(top.first().label, QString("Trouser"));

        // reslens-cli, a separate program reading the same shipped model, agrees.
        const CliRun cli = runCli({"classify", "--model", "default", "--top", "5", "--json", file});
        QCOMPARE(cli.exitCode, 0);
        const QJsonArray cliTop = QJsonDocument::fromJson(cli.out)
                                      .object()["results"]
                                      .toArray()[0]
                                      .toObject()["top"]
                                      .toArray();
        QCOMPARE(cliTop.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(top[i].index, cliTop[i].toObject()["index"].toInt());
            QVERIFY(qAbs(top[i].probability - cliTop[i].toObject()["probability"].toDouble()) <
                    1e-6);
        }
    }

    // A product photo (the gallery's sneaker): the object is found and outlined, the network
    // sees it cropped, and the toggle shows the whole frame instead — the same preparation
    // as reslens-cli's.
    void aPhotoIsCroppedToItsObjectAndTheToggleShowsTheWholeFrame() {
        const QString photo =
            QStringLiteral(RESLENS_SOURCE_RESOURCES "/samples/photos/7-sneaker-0788.jpg");
        QSignalSpy shown(explorer(), &ExplorerController::predictionsShown);
        QVERIFY(dropFile(find<InputPanel>(window())->dropZone(), photo));
        QVERIFY(shown.wait(kWaitMs));
        const ClassificationView cropped = explorer()->lastClassification();
        QCOMPARE(find<PredictionBars>(window())->predictions().first().label, QString("Sneaker"));
        QVERIFY(cropped.croppedToObject);
        QVERIFY(cropped.objectBox.has_value());
        QVERIFY(cropped.window.contains(*cropped.objectBox));

        const CliRun cli = runCli({"classify", "--model", "default", "--json", photo});
        QCOMPARE(cli.exitCode, 0);
        const QJsonObject result =
            QJsonDocument::fromJson(cli.out).object()["results"].toArray()[0].toObject();
        const QJsonArray box = result["object_box"].toArray();
        QCOMPARE(cropped.original.width(), 1024);  // shown at full size: the same pixels
        // The worker shrank the photo to the drop zone (the window only draws it), keeping
        // its aspect ratio.
        const QSize zone = find<InputPanel>(window())->dropZone()->shownSize();
        QVERIFY(!cropped.shown.isNull());
        QCOMPARE(cropped.marked.size(), cropped.original.size());  // what a resize rescales
        QVERIFY(cropped.marked != cropped.original);               // the object's box drawn
        QVERIFY(cropped.shown.width() <= zone.width() && cropped.shown.height() <= zone.height());
        QVERIFY(cropped.shown.width() >= zone.width() - 1 ||
                cropped.shown.height() >= zone.height() - 1);
        QVERIFY(std::abs(double(cropped.shown.width()) / cropped.shown.height() -
                         double(cropped.original.width()) / cropped.original.height()) < 0.02);
        QCOMPARE(*cropped.objectBox,
                 QRect(box[0].toInt(), box[1].toInt(), box[2].toInt(), box[3].toInt()));

        QCheckBox* toggle = find<InputPanel>(window())->cropToObjectBox();
        QVERIFY(toggle->isEnabled() && toggle->isChecked());
        toggle->click();
        QVERIFY(shown.wait(kWaitMs));
        const ClassificationView whole = explorer()->lastClassification();
        QVERIFY(!whole.croppedToObject);
        QCOMPARE(whole.window, QRect(QPoint(0, 0), whole.original.size()));
        QVERIFY(whole.networkInput != cropped.networkInput);
        QCOMPARE(QSettings().value(settings::kCropToObject).toBool(), false);
        toggle->click();  // back on, for the tests after this one and the next start
        QVERIFY(shown.wait(kWaitMs));
        QVERIFY(explorer()->lastClassification().croppedToObject);
    }

    // A live lesion: B on the selected block bypasses it, the image is classified again
    // (as reslens-cli classify --bypass does), the bar says so, and one click restores all.
    void bypassingABlockReclassifiesAndRestores() {
        const QString file = sample("7-sneaker-0009.png");
        QSignalSpy shown(explorer(), &ExplorerController::predictionsShown);
        explorer()->classifyFile(file);
        QVERIFY(shown.wait(kWaitMs));
        const QVector<ClassProbability> intact = find<PredictionBars>(window())->predictions();

        find<BlockListWidget>(window())->selectEntry(7);  // layer3.0, the last stage's downsampling
        QTest::keyClick(find<BlockListWidget>(window()), Qt::Key_B);
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(find<BlockListWidget>(window())->bypassedBlocks(), QStringList{"layer3.0"});
        QVERIFY(explorer()->bypassText().contains("1 block bypassed: layer3.0"));
        const ClassificationView lesioned = explorer()->lastClassification();
        QVERIFY(lesioned.blocks[6].bypassed && !lesioned.blocks[5].bypassed);
        QCOMPARE(lesioned.blocks[6].residualNorm, 0.0);
        // Its F(x) is shown as absent, not as a grid of zeros.
        find<FeatureMapPanel>(window())->setTensorKind(TensorKind::Residual);
        QTRY_VERIFY_WITH_TIMEOUT(
            find<FeatureMapPanel>(window())->view().request.kind == TensorKind::Residual &&
                find<FeatureMapPanel>(window())->view().request.entry == 7,
            kWaitMs);
        QVERIFY(find<FeatureMapPanel>(window())->view().note.contains("bypassed"));
        find<FeatureMapPanel>(window())->setTensorKind(TensorKind::Output);

        const CliRun cli = runCli({"classify", "--model", "default", "--bypass", "layer3.0",
                                   "--top", "5", "--json", file});
        QCOMPARE(cli.exitCode, 0);
        const QJsonArray cliTop = QJsonDocument::fromJson(cli.out)
                                      .object()["results"]
                                      .toArray()[0]
                                      .toObject()["top"]
                                      .toArray();
        const auto& top = find<PredictionBars>(window())->predictions();
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(top[i].index, cliTop[i].toObject()["index"].toInt());
            QVERIFY(qAbs(top[i].probability - cliTop[i].toObject()["probability"].toDouble()) <
                    1e-6);
        }
        QVERIFY(qAbs(top[0].probability - intact[0].probability) > 1e-4);  // it did something

        explorer()->setBypass({});
        QVERIFY(shown.wait(kWaitMs));
        QVERIFY(explorer()->bypassText().isEmpty());
        QVERIFY(find<BlockListWidget>(window())->bypassedBlocks().isEmpty());
        const auto& restored = find<PredictionBars>(window())->predictions();
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(restored[i].index, intact[i].index);
            QCOMPARE(restored[i].probability, intact[i].probability);  // bit for bit
        }
    }

    // The lesion view: the loaded model's study, then its shipped twin's, side by side,
    // through the study runner; the charts and the CSV hold both. On the first 500 test
    // images, each study equal to what reslens-cli lesion reports for the same images (the
    // whole 10,000-image study against PyTorch is tst_lesion's).
    void theLesionViewComparesTheModelWithItsTwin() {
        LesionView* view = find<LesionView>(window());
        view->setRandomLesions(1, 1);
        view->setSamples(500);
        QSignalSpy finished(view, &LesionView::studyFinished);
        view->runLoadedModel();
        QVERIFY(view->running());
        QVERIFY(finished.wait(studyWaitMs()));
        QVERIFY(!view->running());
        view->runModel(ModelRequest::shipped("default-plain"));
        QVERIFY(finished.wait(studyWaitMs()));
        QCOMPARE(view->studies().size(), 2);
        const char* models[] = {"default", "default-plain"};
        for (int m = 0; m < 2; ++m) {
            const LesionStudyResult& shown = view->studies()[m].result;
            QCOMPARE(int(shown.blocks.size()), 9);
            QCOMPARE(shown.samples, int64_t(500));
            const CliRun cli = runCli({"lesion", "--model", models[m], "--data", "fashion-mnist",
                                       "--samples", "500", "--random", "0", "--json"});
            QCOMPARE(cli.exitCode, 0);
            const QJsonObject doc = QJsonDocument::fromJson(cli.out).object();
            // Give or take one image: another thread count may tip a near tie.
            const auto sameCount = [](double a, double b) {
                return std::abs(a - b) <= 1.001 / 500;
            };
            QVERIFY(sameCount(shown.baselineAccuracy, doc["baseline_accuracy"].toDouble()));
            const QJsonArray blocks = doc["blocks"].toArray();
            QCOMPARE(blocks.size(), 9);
            for (int b = 0; b < 9; ++b) {
                const QJsonObject block = blocks[b].toObject();
                QCOMPARE(QString::fromStdString(shown.blocks[size_t(b)].name),
                         block["name"].toString());
                QVERIFY(sameCount(shown.blocks[size_t(b)].accuracy, block["accuracy"].toDouble()));
            }
        }
        QCOMPARE(view->blockChart()->barCount(), 18);
        QCOMPARE(view->blockChart()->labelAngle(), 0);  // nine names fit level
        QCOMPARE(view->depthChart()->pointCount(), 2);
        QVERIFY(!view->depthChart()->isHidden());

        const QString csv = dir_.filePath("lesion.csv");
        QCOMPARE(view->exportCsv(csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 2 * (1 + 9 + 1));  // header; baseline, blocks, k = 1
        QVERIFY(lines[2].contains("block,layer1.0,conv2_x,0"));
        const QString png = dir_.filePath("lesion.png");
        QCOMPARE(view->exportCharts(png), QString());
        QVERIFY(!QImage(png).isNull());

        // A study cancelled at once stops at its next evaluation and shows what it has.
        view->setSamples(0);
        view->runLoadedModel();
        view->cancel();
        QVERIFY(finished.wait(studyWaitMs()));
        QVERIFY(view->studies().first().result.cancelled);
        QVERIFY(!view->running());
    }

    // He et al.'s Fig. 7 in the app: the loaded default, its twin and the deep pair, each
    // block's std of F(x) over the 100 gallery samples; the CSV holds every block.
    void theResponseViewOverlaysBothDepthsAndTheirTwins() {
        ResponseView* view = find<ResponseView>(window());
        QCOMPARE(view->modelsToMeasure().size(), 4);
        QSignalSpy finished(view, &ResponseView::measurementFinished);
        view->measure();
        QVERIFY(finished.wait(studyWaitMs()));
        QCOMPARE(view->profiles().size(), 4);
        QCOMPARE(view->profiles()[0].blocks.size(), size_t(9));
        QCOMPARE(view->profiles()[2].blocks.size(), size_t(27));
        for (const ResponseProfile& p : view->profiles()) {
            QCOMPARE(p.images, 100);
            for (double value : p.meanResidualStd) {
                QVERIFY(value > 0 && std::isfinite(value));
            }
        }
        const QString csv = dir_.filePath("responses.csv");
        QCOMPARE(view->exportCsv(csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()).trimmed().split('\n').size(),
                 1 + 9 + 9 + 27 + 27);
    }

    // The landscape view: the loaded default and its twin along their own directions, the
    // same seed; the centre is the trained network, cheaper than either side; then a 2-D
    // slice shown as two maps; the weights the explorer uses are not touched.
    void theLandscapeViewSlicesTheModelAndItsTwin() {
        window().showPage(Page::Landscape);  // the view times its models once it is looked at
        LandscapeView* view = find<LandscapeView>(window());
        QCOMPARE(view->modelsToRun().size(), 2);
        LandscapeOptions options;
        options.samples = 100;
        options.points = 5;
        view->setOptions(options);
        // Before it starts, an estimate from each model's calibration, in proportion to
        // the work: 5 points, then a 3×3 map (9 points).
        QTRY_VERIFY_WITH_TIMEOUT(view->estimatedSeconds() > 0, kWaitMs);
        const double fivePoints = view->estimatedSeconds();
        options.points = 3;
        options.twoD = true;
        view->setOptions(options);
        QCOMPARE(view->estimatedSeconds() / fivePoints, 9.0 / 5.0);
        options.points = 5;
        options.twoD = false;
        view->setOptions(options);
        QSignalSpy finished(view, &LandscapeView::allFinished);
        view->run();
        QVERIFY(finished.wait(studyWaitMs()));
        QCOMPARE(view->slices().size(), 2);
        for (const NamedLandscape& slice : view->slices()) {
            const auto& loss = slice.result.loss;
            QCOMPARE(loss.size(), size_t(5));
            QVERIFY(loss[0] > loss[2] && loss[4] > loss[2]);
        }
        const QString csv = dir_.filePath("landscape.csv");
        QCOMPARE(view->exportCsv(csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()).trimmed().split('\n').size(), 1 + 2 * 5);

        options.points = 3;
        options.twoD = true;
        view->setOptions(options);
        view->run();
        QVERIFY(finished.wait(studyWaitMs()));
        QCOMPARE(view->slices()[1].result.loss.size(), size_t(9));
        const QString png = dir_.filePath("landscape.png");
        QCOMPARE(view->exportCharts(png), QString());
        QVERIFY(!QImage(png).isNull());

        // The explorer's network is its own: a sample classifies as before.
        QSignalSpy shown(explorer(), &ExplorerController::predictionsShown);
        explorer()->classifyFile(sample("1-trouser-0002.png"));
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(find<PredictionBars>(window())->predictions().first().label, QString("Trouser"));
    }

    // Grad-CAM in the explorer: the selected block's map over the network's input for the
    // top-1 class, pixel for pixel what reslens-cli cam draws; then for a class clicked in
    // the predictions; and it follows the navigator down to the stem.
    void gradCamShowsTheEvidenceForTheClickedClass() {
        const QString file = sample("1-trouser-0002.png");
        QSignalSpy shown(explorer(), &ExplorerController::predictionsShown);
        explorer()->classifyFile(file);
        QVERIFY(shown.wait(kWaitMs));
        FeatureMapPanel* panel = find<FeatureMapPanel>(window());
        find<BlockListWidget>(window())->selectEntry(9);  // layer3.2, the last block of resnet20
        panel->showGradCam();
        QTRY_VERIFY_WITH_TIMEOUT(panel->view().request.gradCam &&
                                     panel->view().request.entry == 9 &&
                                     !panel->view().grid.isNull(),
                                 kWaitMs);
        QCOMPARE(panel->view().explained->label, QString("Trouser"));
        QCOMPARE(find<PredictionBars>(window())->explainedClass(), 1);
        QCOMPARE(panel->view().grid.size(), QSize(224, 224));
        const QString ours = dir_.filePath("gui-cam.png");
        QCOMPARE(explorer()->exportFeatureGrid(ours), QString());
        const QString theirs = dir_.filePath("cli-cam.png");
        QCOMPARE(runCli({"cam", "--model", "default", file, "--block", "layer3.2", "--out", theirs})
                     .exitCode,
                 0);
        QCOMPARE(QImage(ours).convertToFormat(QImage::Format_RGB32),
                 QImage(theirs).convertToFormat(QImage::Format_RGB32));

        PredictionBars* bars = find<PredictionBars>(window());
        const int second = bars->predictions()[1].index;
        QPoint at(-1, -1);
        for (int y = 0; y < bars->height() && at.y() < 0; ++y) {
            if (bars->classAt({bars->width() / 2, y}) == second) {
                at = {bars->width() / 2, y + 4};
            }
        }
        QVERIFY(at.y() >= 0);
        QTest::mouseClick(bars, Qt::LeftButton, {}, at);
        QTRY_VERIFY_WITH_TIMEOUT(
            panel->view().explained && panel->view().explained->index == second, kWaitMs);
        QCOMPARE(bars->explainedClass(), second);
        QVERIFY(!panel->view().grid.isNull() ||
                panel->view().note.contains("No positive evidence"));

        find<BlockListWidget>(window())->selectEntry(0);
        QTRY_VERIFY_WITH_TIMEOUT(panel->view().request.entry == 0 && panel->view().explained,
                                 kWaitMs);
        QVERIFY(panel->view().title.contains("stem"));
        QCOMPARE(panel->view().explained->index, second);

        // As the tests after this one expect: the top-1, the block's output, the first block.
        panel->explainClass(-1);
        panel->setTensorKind(TensorKind::Output);
        find<BlockListWidget>(window())->selectEntry(1);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->view().request.gradCam, kWaitMs);
        QCOMPARE(bars->explainedClass(), -1);
    }

    void keyboardSteppingMovesTheSelectionAndTheGrid() {
        BlockListWidget* blocks = find<BlockListWidget>(window());
        QSignalSpy grids(explorer(), &ExplorerController::featureGridShown);
        blocks->selectEntry(1);
        QTRY_COMPARE_WITH_TIMEOUT(find<FeatureMapPanel>(window())->view().request.entry, 1,
                                  kWaitMs);
        QVERIFY(!find<FeatureMapPanel>(window())->view().grid.isNull());
        const QImage first = find<FeatureMapPanel>(window())->view().grid;
        blocks->setFocus();
        grids.clear();
        QTest::keyClick(blocks, Qt::Key_Down);
        QCOMPARE(blocks->currentEntry(), 2);
        QVERIFY(waitForGrid(grids, 2));
        QVERIFY(find<FeatureMapPanel>(window())->view().title.startsWith("layer1.1"));
        QVERIFY(find<FeatureMapPanel>(window())->view().grid != first);

        // PgDn: the first block of the next stage (conv3_x = layer2.0, entry 4).
        grids.clear();
        QTest::keyClick(blocks, Qt::Key_PageDown);
        QCOMPARE(blocks->currentEntry(), 4);
        QCOMPARE(blocks->entryName(4), QString("layer2.0"));
        QVERIFY(waitForGrid(grids, 4));
        // 32 channels of 14x14 after the stride-2 block.
        QVERIFY(
            find<FeatureMapPanel>(window())->view().title.endsWith(QString::fromUtf8("32×14×14")));
        QCOMPARE(find<FeatureMapPanel>(window())->view().channels.size(), 32);
        QTest::keyClick(blocks, Qt::Key_PageUp);
        QCOMPARE(blocks->currentEntry(), 1);
        QTest::keyClick(blocks, Qt::Key_End);
        QCOMPARE(blocks->currentEntry(), blocks->entryCount() - 1);
        QTest::keyClick(blocks, Qt::Key_Home);
        QCOMPARE(blocks->currentEntry(), 0);
    }

    void aBrokenFileShowsAnErrorAndKeepsThePrediction() {
        const auto before = find<PredictionBars>(window())->predictions();
        const QString source = explorer()->lastClassification().source;
        const QString broken = dir_.filePath("broken.png");
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\x89PNG\r\n\x1a\n this is not really a PNG");
        file.close();
        QSignalSpy errors(&window(), &MainWindow::errorShown);
        QVERIFY(dropFile(find<InputPanel>(window())->dropZone(), broken));
        QVERIFY(errors.wait(kWaitMs));
        QVERIFY(find<MessageBar>(window())->showsError());
        QVERIFY2(find<MessageBar>(window())->text().contains("broken.png"),
                 qPrintable(find<MessageBar>(window())->text()));
        QCOMPARE(explorer()->lastClassification().source, source);
        QCOMPARE(find<PredictionBars>(window())->predictions().size(), before.size());
        QCOMPARE(find<PredictionBars>(window())->predictions().first().label, before.first().label);
    }

    void aBurstOfDropsShowsOnlyTheLast() {
        QSignalSpy shown(explorer(), &ExplorerController::predictionsShown);
        explorer()->classifyFile(sample("7-sneaker-0009.png"));
        explorer()->classifyFile(sample("8-bag-0018.png"));
        explorer()->classifyFile(sample("9-ankle-boot-0000.png"));
        QVERIFY(shown.wait(kWaitMs));
        QTest::qWait(300);  // anything stale would arrive in this time
        QCOMPARE(shown.size(), 1);
        QCOMPARE(explorer()->lastClassification().source, QString("9-ankle-boot-0000.png"));
        QVERIFY(!find<MessageBar>(window())->showsError());
    }

    void exportsWriteFilesThatDecode() {
        const QString png = dir_.filePath("grid.png");
        QCOMPARE(explorer()->exportFeatureGrid(png), QString());
        const QImage grid(png);
        QVERIFY(!grid.isNull());
        QCOMPARE(grid.size(), find<FeatureMapPanel>(window())->view().grid.size());

        const QString svg = dir_.filePath("magnitudes.svg");
        QCOMPARE(explorer()->exportMagnitudeChart(svg), QString());
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QVERIFY(svgFile.readAll().contains("<svg"));
        const QString chartPng = dir_.filePath("magnitudes.png");
        QCOMPARE(explorer()->exportMagnitudeChart(chartPng), QString());
        QVERIFY(!QImage(chartPng).isNull());

        const QString csv = dir_.filePath("statistics.csv");
        QCOMPARE(explorer()->exportStatistics(csv), QString());
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csvFile.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 9);
        QVERIFY(lines[1].startsWith("layer1.0,conv2_x,basic,identity,"));

        const QString json = dir_.filePath("statistics.json");
        QCOMPARE(explorer()->exportStatistics(json), QString());
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(jsonFile.readAll()).object();
        QCOMPARE(root["blocks"].toArray().size(), 9);
        QCOMPARE(root["top"].toArray().size(), 5);
        // The same norms as the chart shows.
        QVERIFY(root["blocks"].toArray()[0].toObject()["residual_norm"].toDouble() > 0);

        // An impossible destination: a clear message, no file.
        const QString error = explorer()->exportFeatureGrid(dir_.filePath("missing/dir/grid.png"));
        QVERIFY(!error.isEmpty());
        QVERIFY(find<MessageBar>(window())->showsError());
    }

    void aFreshResNet50ShowsItsBlocksAndBottleneckSavings() {
        QSignalSpy models(explorer(), &ExplorerController::modelShown);
        ResNetConfig config = ResNetConfig::fromArchName("resnet50");
        explorer()->openModel(ModelRequest::fresh(config));
        QVERIFY(models.wait(kWaitMs));
        BlockListWidget* blocks = find<BlockListWidget>(window());
        QCOMPARE(blocks->blockCount(), 3 + 4 + 6 + 3);
        QCOMPARE(blocks->topLevelItemCount(), 6);  // stem, four stages, head
        QCOMPARE(blocks->topLevelItem(1)->text(0), QString("conv2_x"));
        QCOMPARE(blocks->topLevelItem(1)->child(0)->text(0), QString("layer1.0"));
        QCOMPARE(blocks->topLevelItem(1)->child(0)->text(2), QString("projection"));
        // 1000 classes: ImageNet-1k's names from the compiled-in list (the layer's label rule).
        QCOMPARE(explorer()->model().labels.size(), 1000);
        QCOMPARE(explorer()->model().labels.first(), QString("tench"));
        QCOMPARE(explorer()->model().labels.last(), QString("toilet tissue"));
        // layer1.1: 256*64 + 3*3*64*64 + 64*256 = 69,632 against 3*3*256*256*2 = 1,179,648.
        blocks->selectEntry(2);
        QVERIFY2(find<ParameterTable>(window())->comparisonText().contains(
                     "69,632 vs 1,179,648: 16.9x fewer"),
                 qPrintable(find<ParameterTable>(window())->comparisonText()));
        // The last image is classified again by the new model.
        QSignalSpy shown(explorer(), &ExplorerController::predictionsShown);
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(explorer()->lastClassification().networkInput.size(), QSize(224, 224));
        QCOMPARE(find<MagnitudeChart>(window())->pointCount(), 16);

        // A model file that is not one: an error, and resnet50 stays.
        const QString bogus = dir_.filePath("bogus.pt");
        QFile file(bogus);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a model");
        file.close();
        QSignalSpy errors(&window(), &MainWindow::errorShown);
        explorer()->openModel(ModelRequest::file(bogus.toStdString()));
        QVERIFY(errors.wait(kWaitMs));
        QCOMPARE(find<BlockListWidget>(window())->blockCount(), 16);
        QVERIFY(find<MessageBar>(window())->text().contains("bogus.pt"));
    }

    void settingsNameWhatTheyMeanAndOldIntegersStillRead() {
        // Written by this version: the model kind by name, the feature choices by name.
        QSettings settings;
        QCOMPARE(settings.value(settings::kModelKind).toString(), QString("shipped"));
        QCOMPARE(settings.value(settings::kModelLocation).toString(), QString("default"));
        const QVariantMap features = find<FeatureMapPanel>(window())->options();  // saved on close
        const auto text = [&](const char* key) {
            return features.value(key).toString().toStdString();
        };
        QVERIFY(tensorKindFromString(text(settings::features::kTensor)).has_value());
        QVERIFY(gridColormapFromString(text(settings::features::kColormap)).has_value());
        QVERIFY(gridNormalizationFromString(text(settings::features::kNormalization)).has_value());

        // Written by 0.1: int(ModelRequest::Kind) and the combo boxes' indices.
        settings.setValue(settings::kModelKind, 0);  // Shipped
        settings.setValue(settings::kModelLocation, "default-plain");
        settings.setValue(settings::kFeatures,
                          QVariantMap{{"tensor", 1}, {"colormap", 3}, {"normalization", 1}});
        settings.sync();
        MainWindow old;
        QSignalSpy models(find<ExplorerController>(old), &ExplorerController::modelShown);
        old.start({});
        QVERIFY(models.wait(kWaitMs));
        QVERIFY2(find<ExplorerController>(old)->model().title.contains("default-plain"),
                 qPrintable(find<ExplorerController>(old)->model().title));
        const FeatureRequest request = find<FeatureMapPanel>(old)->request(1);
        QCOMPARE(int(request.kind), int(TensorKind::Residual));
        QCOMPARE(int(request.colormap), int(GridColormap::Diverging));
        QCOMPARE(int(request.normalization), int(GridNormalization::Shared));

        // A model file remembered as 0.1's File (1) opens that file.
        settings.setValue(settings::kModelKind, 1);
        settings.setValue(settings::kModelLocation,
                          QStringLiteral(RESLENS_SOURCE_RESOURCES "/models/default.pt"));
        settings.sync();
        MainWindow file;
        QSignalSpy fileModels(find<ExplorerController>(file), &ExplorerController::modelShown);
        file.start({});
        QVERIFY(fileModels.wait(kWaitMs));
        QVERIFY2(find<ExplorerController>(file)->model().title.contains("default.pt"),
                 qPrintable(find<ExplorerController>(file)->model().title));
        QVERIFY(find<ExplorerController>(file)->model().request.kind == ModelKind::File);
    }

    // docs/trust.md: importing TorchScript runs code from the file, and the app says so
    // before reading it (a dropped file too). Cancel leaves everything as it was.
    void importingWarnsThatTorchScriptRunsCode() {
        bool found = false;
        for (QAction* action : window().findChildren<QAction*>()) {
            found = found || action->text().startsWith("&Import your own ResNet");
        }
        QVERIFY(found);
        const QString title = explorer()->model().title;
        QString shown;
        QTimer::singleShot(0, [&] {
            QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box) {
                shown = box->text() + " " + box->informativeText();
                box->reject();
            }
        });
        explorer()->classifyFile(
            QStringLiteral(RESLENS_FUZZ_CORPUS "/torchscript_import/tiny-script.pt"));
        QVERIFY2(shown.contains("runs code stored in it") && shown.contains("__setstate__") &&
                     shown.contains("run nothing"),
                 qPrintable(shown));
        QCOMPARE(explorer()->model().title, title);
    }

    // A checkpoint dropped on the window (a CIFAR-style network under "state_dict" with
    // DataParallel's "module." prefix, layers named left/right, head "linear") goes through
    // the import dialog, which shows what was recognised first; Open shows the network.
    void aDroppedCheckpointOpensThroughTheImportDialog() {
        QString architecture;
        // The dialog opens once the file is read (off the window's thread, while the window
        // keeps handling events): watch for it.
        QTimer watch;
        connect(&watch, &QTimer::timeout, this, [&] {
            if (auto* dialog = qobject_cast<ImportDialog*>(QApplication::activeModalWidget())) {
                watch.stop();
                architecture = dialog->findChild<QLabel*>("importArchitecture")->text();
                dialog->accept();
            }
        });
        watch.start(20);
        QSignalSpy shown(explorer(), &ExplorerController::modelShown);
        explorer()->classifyFile(
            QStringLiteral(RESLENS_FUZZ_CORPUS "/checkpoint/wrapped-module-prefix.th"));
        QVERIFY2(architecture.contains("basic blocks 1-1, widths 2-4") &&
                     architecture.contains("3 classes"),
                 qPrintable(architecture));
        QVERIFY(shown.wait(kWaitMs));
        QVERIFY2(explorer()->model().title.contains("wrapped-module-prefix.th"),
                 qPrintable(explorer()->model().title));
        QCOMPARE(explorer()->model().summary.blocks.size(), size_t(2));
        QCOMPARE(explorer()->model().summary.config.classes, 3);

        // What the user stated is kept: the next start opens the same network, here with the
        // input size and stem pool given, not the defaults.
        ModelRequest stated = explorer()->model().request;
        stated.import.input = std::make_pair(40, 48);
        stated.import.stemPoolStride = 2;
        explorer()->openModel(stated);
        QVERIFY(shown.wait(kWaitMs));
        QSettings().sync();
        MainWindow next;
        QSignalSpy nextShown(find<ExplorerController>(next), &ExplorerController::modelShown);
        next.start({});
        QVERIFY(nextShown.wait(kWaitMs));
        QCOMPARE(find<ExplorerController>(next)->model().summary.config.inputHeight, 40);
        QCOMPARE(find<ExplorerController>(next)->model().summary.config.inputWidth, 48);
        QCOMPARE(find<ExplorerController>(next)->model().summary.config.stemPoolStride, 2);
    }

    void closingWhileClassifyingEndsCleanly() {
        QPointer<QObject> worker = explorer()->worker();
        QVERIFY(worker);
        explorer()->classifyFile(sample("3-dress-0013.png"));
        window().close();
        window_.reset();  // joins the worker thread (a hang fails the run by its timeout)
        QVERIFY2(!worker, "the inference worker outlived the window");
    }
};

int main(int argc, char** argv) {
    return reslens::testing::runWithOwnSettings<MainWindowTest>(argc, argv, "tst_main_window");
}

#include "tst_main_window.moc"
