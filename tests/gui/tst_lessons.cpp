// The lessons, each run headless in its short version (fewer steps and images, the same
// set-up and texts) through the window as a click would start it. Each test recomputes what
// the lesson states from the raw data the window holds (the lab's history, the lesion and
// landscape results, Grad-CAM maps from reslens-cli and plain PyTorch), asserts the fact
// the lesson teaches, and checks that the guide shows those numbers and that sentence.

#include <QAbstractButton>
#include <QDockWidget>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <algorithm>
#include <cmath>
#include <memory>

#include "CliRunner.h"
#include "ClipTally.h"
#include "WindowTesting.h"
#include "widgets/explorer/BlockListWidget.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/instruments/GradientLineView.h"
#include "widgets/lab/TrainingLabPanel.h"
#include "widgets/lessons/LessonCatalog.h"
#include "widgets/lessons/LessonDirector.h"
#include "widgets/lessons/LessonGuide.h"
#include "widgets/live/LiveController.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/studies/LandscapeView.h"
#include "widgets/studies/LesionBlockChart.h"
#include "widgets/studies/LesionDepthChart.h"
#include "widgets/studies/LesionView.h"

using namespace reslens;
using reslens::testing::find;

namespace {

constexpr int kWaitMs = 600000;
const double kChanceLoss = std::log(10.0);  // ten classes, a network that knows nothing

// How the lessons write a number (app/core's formatNumber): 2 decimals below 10, 1 below
// 100, none above, no group separators; percentages with one decimal.
QString shown(double value) {
    const double magnitude = std::abs(value);
    return QString::number(value, 'f', magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2);
}

QString shownPercent(double share) {
    return QString::number(100 * share, 'f', 1);
}

double firstOverLast(const QVector<double>& norms) {
    return norms.first() / norms.last();
}

// The mean loss of the last tenth of the steps (at least one), as "the last N steps" says.
double lastTenthLoss(const QVector<StepUpdate>& steps) {
    const int n = std::max(1, int(std::ceil(0.1 * double(steps.size()))));
    double sum = 0;
    for (int i = int(steps.size()) - n; i < steps.size(); ++i) {
        sum += steps[i].loss;
    }
    return sum / n;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// "median (min–max)" over the seeds, worked out here from the record's values.
QString spreadShown(std::vector<double> values, bool percent = false) {
    const auto write = [percent](double v) { return percent ? shownPercent(v) + "%" : shown(v); };
    std::sort(values.begin(), values.end());
    if (values.size() < 2) {
        return write(values.front());
    }
    return QString("%1 (%2–%3)")
        .arg(write(median(values)), write(values.front()), write(values.back()));
}

// The rule of issue 33, worked out here: +1 when every effect is positive and the smallest
// exceeds the other network's range, -1 the same negative, 0 unsettled.
int rule(const std::vector<double>& effect, const std::vector<double>& other) {
    const auto [low, high] = std::minmax_element(other.begin(), other.end());
    const double spread = *high - *low;
    const bool positive = std::all_of(effect.begin(), effect.end(), [](double v) { return v > 0; });
    const bool negative = std::all_of(effect.begin(), effect.end(), [](double v) { return v < 0; });
    double smallest = std::abs(effect.front());
    for (double v : effect) {
        smallest = std::min(smallest, std::abs(v));
    }
    if ((!positive && !negative) || smallest <= spread) {
        return 0;
    }
    return positive ? 1 : -1;
}

std::vector<double> minus(const std::vector<double>& a, const std::vector<double>& b) {
    std::vector<double> out;
    for (size_t i = 0; i < a.size(); ++i) {
        out.push_back(a[i] - b[i]);
    }
    return out;
}

}  // namespace

class LessonsTest : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> window_;

    LessonDirector* lessons() { return find<LessonDirector>(*window_); }
    QString guideText() { return window_->findChild<LessonGuide*>()->text(); }
    // One number of the lesson's record, a value per seed.
    std::vector<double> seedValues(const std::string& name) {
        const std::optional<LessonRecord>& record = lessons()->record();
        if (!record || !record->quantity(name)) {
            qWarning("no %s in the record", name.c_str());
            return {std::nan("")};
        }
        return record->quantity(name)->values;
    }

    // Starts the lesson as the Lessons menu does and waits until it has measured all.
    bool runLesson(LessonId lesson) {
        QSignalSpy completed(lessons(), &LessonDirector::completed);
        if (!lessons()->start(lesson)) {
            return false;
        }
        return completed.wait(kWaitMs);
    }

private Q_SLOTS:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        window_ = std::make_unique<MainWindow>();
        window_->show();
        QSignalSpy shown(find<ExplorerController>(*window_), &ExplorerController::predictionsShown);
        window_->start({});
        QVERIFY(shown.wait(kWaitMs));
        lessons()->setShortVersion(true);
    }

    void theStartPageAndTheMenuOfferEveryLesson() {
        window_->showPage(Page::Lessons);
        for (LessonId lesson : allLessons()) {
            QVERIFY2(window_->findChild<QWidget*>("lesson-" + lessonKey(lesson)),
                     qPrintable(lessonKey(lesson)));
            QCOMPARE(lessonFromKey(lessonKey(lesson)), std::optional<LessonId>(lesson));
        }
        QCOMPARE(allLessons().size(), 9);
        QVERIFY(!lessonFromKey("no-such-lesson"));
        QDockWidget* guide = window_->findChild<QDockWidget*>("lessonDock");
        QVERIFY(!guide->isVisible());  // no lesson yet
    }

    // At step 1 the plain network's gradient grows by orders of magnitude from its last
    // block back to its first; the ResNet's stays within a factor of 10. Three seeds: the
    // first in the lab, its numbers the record's first values; the guide's spreads and its
    // comparison follow the seeds' values by the rule.
    void whySkipsShowsTheFirstStepsGradientSpread() {
        lessons()->setNextSeed(1);
        lessons()->setSeedCount(3);
        QVERIFY(runLesson(LessonId::WhySkips));
        QVERIFY(window_->findChild<QDockWidget*>("lessonDock")->isVisible());
        // The lab gets the room: the explorer's docks are put away for the lesson.
        QVERIFY(!window_->findChild<QDockWidget*>("blocksDock")->isVisible());
        QCOMPARE(lessons()->seeds(), (std::vector<uint64_t>{1, 2, 3}));
        const TrainingHistory& history = find<TrainingLabPanel>(*window_)->history();
        QCOMPARE(history.plan().runs, QStringList({"resnet56", "plain56"}));
        QCOMPARE(history.plan().blocks.size(), 27);
        const double resnet = firstOverLast(history.steps(0).first().blockNorms);
        const double plain = firstOverLast(history.steps(1).first().blockNorms);
        QVERIFY2(plain > 100, qPrintable(QString::number(plain)));
        QVERIFY2(resnet > 0.1 && resnet < 10, qPrintable(QString::number(resnet)));
        // This run is the first seed's values.
        QCOMPARE(seedValues("plain56.firstOverLast").size(), size_t(3));
        QVERIFY(std::abs(seedValues("plain56.firstOverLast")[0] - plain) < 1e-9 * plain);
        QVERIFY(std::abs(seedValues("resnet56.firstOverLast")[0] - resnet) < 1e-9 * resnet);
        const double resnetLast = lastTenthLoss(history.steps(0));
        const double plainLast = lastTenthLoss(history.steps(1));
        QVERIFY(std::abs(seedValues("resnet56.lastLoss")[0] - resnetLast) < 1e-12);
        QVERIFY(std::abs(seedValues("plain56.lastLoss")[0] - plainLast) < 1e-12);
        const QString text = guideText();
        QVERIFY2(text.contains("Measured over 3 seeds (1, 2, 3)"), qPrintable(text));
        QVERIFY2(text.contains(QString("At step 1, the first block's gradient norm over the last "
                                       "block's: %1 in plain56, %2 in resnet56.")
                                   .arg(spreadShown(seedValues("plain56.firstOverLast")),
                                        spreadShown(seedValues("resnet56.firstOverLast")))),
                 qPrintable(text));
        QVERIFY2(text.contains(QString("%1 for resnet56, %2 for plain56")
                                   .arg(spreadShown(seedValues("resnet56.lastLoss")),
                                        spreadShown(seedValues("plain56.lastLoss")))),
                 qPrintable(text));
        const int verdict =
            rule(minus(seedValues("plain56.lastLoss"), seedValues("resnet56.lastLoss")),
                 seedValues("resnet56.lastLoss"));
        QVERIFY2(
            text.contains(verdict > 0   ? "In every seed plain56 ended behind resnet56"
                          : verdict < 0 ? "In every seed plain56 kept up with resnet56"
                                        : "These seeds did not settle which network ends lower"),
            qPrintable(text));
        // The table: this run, the seeds' spread, and the reference machine's column.
        QVERIFY2(text.contains("plain56: step 1, first block's gradient norm ÷ last block's"),
                 qPrintable(text));
        QVERIFY(text.contains("Measured on the reference machine"));
        QVERIFY(lessons()->complete());
    }

    // Without batch norm the plain network's gradient shrinks towards the input and it does
    // not learn; the ResNet diverges. The divergence is the lesson: it does not stop the
    // other seeds.
    void withoutBatchNormThePlainNetworkDoesNotLearn() {
        lessons()->setSeedCount(2);
        QVERIFY(runLesson(LessonId::WithoutBatchNorm));
        QCOMPARE(lessons()->seeds(), (std::vector<uint64_t>{4, 5}));  // new seeds
        const TrainingHistory& history = find<TrainingLabPanel>(*window_)->history();
        QCOMPARE(history.plan().runs, QStringList({"resnet56", "plain56"}));
        const double plain = firstOverLast(history.steps(1).first().blockNorms);
        QVERIFY2(plain < 0.5, qPrintable(QString::number(plain)));
        const double plainLast = lastTenthLoss(history.steps(1));
        QVERIFY2(std::abs(plainLast - kChanceLoss) < 0.05, qPrintable(QString::number(plainLast)));
        const double resnetFirstLoss = history.steps(0).first().loss;
        QVERIFY2(resnetFirstLoss > 10 * kChanceLoss, qPrintable(QString::number(resnetFirstLoss)));
        QCOMPARE(history.status(0), std::optional<RunStatus>(RunStatus::Diverged));
        const std::vector<double> diverged = seedValues("resnet56.diverged");
        QCOMPARE(diverged.size(), size_t(2));
        QCOMPARE(diverged[0], 1.0);
        const int count = int(std::count(diverged.begin(), diverged.end(), 1.0));
        const QString text = guideText();
        QVERIFY2(text.contains(
                     QString("resnet56 without batch norm diverged in %1 of 2 seeds").arg(count)),
                 qPrintable(text));
        const std::vector<double> plainLosses = seedValues("plain56.lastLoss");
        if (std::all_of(plainLosses.begin(), plainLosses.end(),
                        [](double v) { return std::abs(v - kChanceLoss) < 0.05; })) {
            QVERIFY2(text.contains("plain56 did not learn in any seed"), qPrintable(text));
        }
        QVERIFY(!text.contains("activations grow"));  // nothing measured them
    }

    // Deeper plain trains worse than shallower plain; the deeper ResNet loses less. Two
    // seeds of the short version; the seed in the lab is seed 1.
    void degradationHurtsThePlainNetworkMore() {
        QMap<QString, double> last;  // run -> mean loss of its last tenth
        TrainingLabPanel* lab = find<TrainingLabPanel>(*window_);
        connect(lab, &TrainingLabPanel::runFinished, this, [lab, &last] {
            const TrainingHistory& history = lab->history();
            for (int run = 0; run < history.runCount(); ++run) {
                last[history.plan().runs[run]] = lastTenthLoss(history.steps(run));
            }
        });
        lessons()->setNextSeed(1);
        lessons()->setSeedCount(2);
        QVERIFY(runLesson(LessonId::Degradation));
        disconnect(lab, &TrainingLabPanel::runFinished, this, nullptr);
        QCOMPARE(last.keys(), QStringList({"plain20", "plain56", "resnet20", "resnet56"}));
        const double plainChange = last["plain56"] - last["plain20"];
        const double resnetChange = last["resnet56"] - last["resnet20"];
        QVERIFY2(plainChange > 0, qPrintable(QString::number(plainChange)));
        QVERIFY2(resnetChange < plainChange, qPrintable(QString::number(resnetChange)));
        for (const QString& run : last.keys()) {
            QVERIFY2(std::abs(seedValues((run + ".lastLoss").toStdString())[0] - last[run]) < 1e-12,
                     qPrintable(run));
        }
        const std::vector<double> plainSeeds =
            minus(seedValues("plain56.lastLoss"), seedValues("plain20.lastLoss"));
        const std::vector<double> resnetSeeds =
            minus(seedValues("resnet56.lastLoss"), seedValues("resnet20.lastLoss"));
        const QString text = guideText();
        const int verdict = rule(minus(plainSeeds, resnetSeeds), resnetSeeds);
        QVERIFY2(text.contains(verdict > 0 ? "In every seed depth hurt the plain network more"
                               : verdict < 0
                                   ? "In every seed depth hurt the ResNet more"
                                   : "These seeds did not settle whether depth hurts the plain "
                                     "network more"),
                 qPrintable(text));
        QVERIFY(!text.contains("This is the degradation problem"));
    }

    // 1x1 256->64, 3x3 64->64, 1x1 64->256 against two 3x3 at 256, by hand.
    void bottleneckStatesTheArithmetic() {
        // Started as a teacher would: its button on the start page.
        window_->showPage(Page::Lessons);
        auto* button = window_->findChild<QAbstractButton*>("lesson-bottleneck");
        QVERIFY(button);
        QSignalSpy completed(lessons(), &LessonDirector::completed);
        button->click();
        QVERIFY(completed.wait(kWaitMs));
        QCOMPARE(lessons()->current(), std::optional<LessonId>(LessonId::Bottleneck));
        const qint64 bottleneck = 256 * 64 + 3 * 3 * 64 * 64 + 64 * 256;
        const qint64 basic = 3 * 3 * 256 * 256 * 2;
        QCOMPARE(bottleneck, qint64(69632));
        QCOMPARE(basic, qint64(1179648));
        const QLocale locale;
        const QString text = guideText();
        QVERIFY2(text.contains(locale.toString(bottleneck) + " parameters"), qPrintable(text));
        QVERIFY2(text.contains("= " + locale.toString(basic)), qPrintable(text));
        // Multiply-adds at the 56x56 output of a 224x224 input: parameters x pixels.
        QVERIFY2(text.contains(locale.toString(bottleneck * 56 * 56) + " multiply-adds against " +
                               locale.toString(basic * 56 * 56)),
                 qPrintable(text));
        QCOMPARE(find<ExplorerController>(*window_)->model().summary.config.arch,
                 std::string("resnet50"));
        QCOMPARE(find<BlockListWidget>(*window_)->currentEntry(), 2);  // stem, layer1.0, layer1.1
        // An explorer lesson brings back the docks the lab lessons put away.
        QVERIFY(window_->findChild<QDockWidget*>("blocksDock")->isVisible());
        QVERIFY(window_->findChild<QDockWidget*>("parametersDock")->isVisible());
        // The handout: one page with the window's picture and the lesson's words.
        QTemporaryDir dir;
        LessonGuide* guide = window_->findChild<LessonGuide*>();
        QCOMPARE(guide->writeHandout(dir.filePath("bottleneck.png")), QString());
        const QImage page(dir.filePath("bottleneck.png"));
        QCOMPARE(page.size(), QSize(1240, 1754));
        QCOMPARE(guide->writeHandout(dir.filePath("bottleneck.pdf")), QString());
        QFile pdf(dir.filePath("bottleneck.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly) && pdf.readAll().startsWith("%PDF-"));
    }

    // One block bypassed: the ResNet keeps its accuracy at the median, the plain network
    // falls to near chance. Three seeds, each a different draw of 300 test images.
    void aBlockIsACorrectionInTheResNetOnly() {
        lessons()->setNextSeed(1);
        lessons()->setSeedCount(3);
        QVERIFY(runLesson(LessonId::BlockIsCorrection));
        const QVector<NamedLesionStudy>& studies = find<LesionView>(*window_)->studies();
        QCOMPARE(studies.size(), 2);
        QCOMPARE(studies[0].arch, std::string("resnet56"));
        QCOMPARE(studies[1].arch, std::string("plain56"));
        const QString text = guideText();
        std::vector<double> medians;
        for (const NamedLesionStudy& study : studies) {
            QCOMPARE(study.result.blocks.size(), size_t(27));
            QCOMPARE(study.result.samples, int64_t(300));
            std::vector<double> accuracies;
            for (const BlockLesion& block : study.result.blocks) {
                accuracies.push_back(block.accuracy);
            }
            medians.push_back(median(accuracies));
            const std::vector<double> seeds = seedValues(study.arch + ".median");
            QCOMPARE(seeds.size(), size_t(3));
            QVERIFY(std::abs(seeds[0] - medians.back()) < 1e-12);
            QVERIFY2(text.contains("median " + spreadShown(seeds, true)), qPrintable(text));
        }
        QVERIFY2(medians[0] > studies[0].result.baselineAccuracy - 0.05,
                 qPrintable(QString::number(medians[0])));
        QVERIFY2(medians[1] < 0.3, qPrintable(QString::number(medians[1])));
        // The seeds drew different images: the whole networks' accuracies are not all equal.
        const std::vector<double> whole = seedValues("resnet56.whole");
        QVERIFY(whole[0] != whole[1] || whole[1] != whole[2]);
        const int verdict = rule(minus(seedValues("plain56.cost"), seedValues("resnet56.cost")),
                                 seedValues("resnet56.cost"));
        QVERIFY2(text.contains(verdict > 0 ? "In every seed bypassing one block cost the plain "
                                             "network more than the ResNet"
                                           : "did not settle"),
                 qPrintable(text));
        // 27 block names fit under their bars only turned on their side; the lesson draws
        // no random lesions, so their chart stands aside instead of empty.
        LesionView* view = find<LesionView>(*window_);
        QCOMPARE(view->blockChart()->labelAngle(), -90);
        QVERIFY(view->depthChart()->isHidden());
        // The lesson asks for a live bypass in the explorer: its docks come back with its tab.
        QVERIFY(!window_->findChild<QDockWidget*>("blocksDock")->isVisible());
        window_->showPage(Page::Explorer);
        QVERIFY(window_->findChild<QDockWidget*>("blocksDock")->isVisible());
    }

    // The region of low loss around ResNet-56 is more than twice plain-56's in the seed the
    // class sees; over three seeds of directions the guide says what the rule allows.
    void theDeepResNetsBasinIsWider() {
        lessons()->setNextSeed(1);
        lessons()->setSeedCount(3);
        QVERIFY(runLesson(LessonId::Landscape));
        const QVector<NamedLandscape>& slices = find<LandscapeView>(*window_)->slices();
        QCOMPARE(slices.size(), 2);
        QVector<double> below;
        for (const NamedLandscape& slice : slices) {
            QCOMPARE(slice.result.loss.size(), size_t(81));  // 9 x 9
            int count = 0;
            for (double loss : slice.result.loss) {
                count += loss < 1.0 ? 1 : 0;
            }
            below << double(count) / 81.0;
        }
        QVERIFY2(below[0] > 2 * below[1], qPrintable(QString("%1 %2").arg(below[0]).arg(below[1])));
        QCOMPARE(seedValues("resnet56.below1")[0], below[0]);
        QCOMPARE(seedValues("plain56.below1")[0], below[1]);
        const QString text = guideText();
        QVERIFY2(text.contains(QString("below 1 over %1 of resnet56's map and %2 of plain56's")
                                   .arg(spreadShown(seedValues("resnet56.below1"), true),
                                        spreadShown(seedValues("plain56.below1"), true))),
                 qPrintable(text));
        const int verdict = rule(minus(seedValues("resnet56.below1"), seedValues("plain56.below1")),
                                 seedValues("plain56.below1"));
        QVERIFY2(text.contains(verdict > 0 ? "In every seed resnet56's region of low loss was the "
                                             "larger"
                               : verdict < 0 ? "In every seed plain56's region"
                                             : "These seeds did not settle which network's region"),
                 qPrintable(text));
    }

    // The shown seed runs in the instruments' view (deep, then deep-plain); the other two
    // headless. The view's lags are the record's first values, and the plain network's
    // fresh derivative is white noise at the first lag.
    void shatteredGradientsInTheInstrumentsView() {
        lessons()->setNextSeed(1);
        lessons()->setSeedCount(3);
        QVERIFY(runLesson(LessonId::ShatteredGradients));
        const GradientLineView* view = find<GradientLineView>(*window_);
        QVERIFY(view->isVisible());
        const QVector<GradientLineResult>& lines = view->results();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].arch, std::string("resnet56"));
        QCOMPARE(lines[1].arch, std::string("plain56"));
        QCOMPARE(lines[0].t.size(), size_t(128));  // the short version's points
        // The line the headless seeds walk: test image 0, statistics from the training split.
        QCOMPARE(lines[0].input, std::string("fashion-mnist:test #0"));
        QCOMPARE(lines[0].statistics, std::string("256 images of fashion-mnist:train (seed 1)"));
        for (const auto& [model, line] :
             {std::pair<QString, GradientLineResult>{"deep", lines[0]}, {"deep-plain", lines[1]}}) {
            const CliRun run = runCli({"gradient-line", "--model", model, "--data", "fashion-mnist",
                                       "--points", "128", "--seed", "1", "--json"},
                                      QProcessEnvironment::systemEnvironment(), 600000);
            QVERIFY2(run.exitCode == 0, run.err.constData());
            const QJsonObject g = QJsonDocument::fromJson(run.out).object();
            QCOMPARE(g["fresh"].toObject()["lag"].toInt(), line.fresh.lag);
            QCOMPARE(g["model"].toObject()["lag"].toInt(), line.model.lag);
        }
        QCOMPARE(seedValues("resnet56.freshLag")[0], double(lines[0].fresh.lag));
        QCOMPARE(seedValues("plain56.trainedLag")[0], double(lines[1].model.lag));
        QCOMPARE(seedValues("plain56.freshLag").size(), size_t(3));
        for (double lag : seedValues("plain56.freshLag")) {
            QCOMPARE(lag, 1.0);
        }
        const QString text = guideText();
        QVERIFY2(text.contains("Freshly initialised, with batch-norm statistics from 256 "
                               "training images: along 128 points"),
                 qPrintable(text));
        const int verdict =
            rule(minus(seedValues("resnet56.freshLag"), seedValues("plain56.freshLag")),
                 seedValues("plain56.freshLag"));
        QVERIFY2(text.contains(verdict > 0   ? "In every seed the fresh resnet56's derivative "
                                               "stayed correlated"
                               : verdict < 0 ? "decorrelated sooner"
                                             : "These seeds did not settle which fresh network"),
                 qPrintable(text));
    }

    // Grad-CAM from the CLI at every block, correlated in plain PyTorch: the maps before the
    // last stage do not look like the last one; the last stage's do.
    void theEvidenceTakesItsShapeInTheLastStage() {
        QVERIFY(runLesson(LessonId::EvidenceForms));
        QTemporaryDir dir;
        const QString photo =
            QStringLiteral(RESLENS_SOURCE_RESOURCES) + "/samples/photos/7-sneaker-0788.jpg";
        const QStringList targets = {"stem",     "layer1.0", "layer1.1", "layer1.2", "layer2.0",
                                     "layer2.1", "layer2.2", "layer3.0", "layer3.1", "layer3.2"};
        QStringList arguments = {QStringLiteral(RESLENS_FIXTURES) + "/cam_agreement.py", "28",
                                 "28"};
        for (const QString& target : targets) {
            const CliRun run =
                runCli({"cam", "--model", "default", photo, "--block", target, "--json"});
            QVERIFY2(run.exitCode == 0, run.err.constData());
            const QString file = dir.filePath(target + ".json");
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(run.out);
            out.close();
            arguments << target + "=" + file;
        }
        QProcess python;
        python.start(QStringLiteral(RESLENS_PYTHON), arguments);
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QJsonObject reference =
            QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        QCOMPARE(reference.size(), targets.size());
        const QMap<QString, double>& values = lessons()->values();
        for (const QString& target : targets) {
            const double expected = reference[target].toDouble();
            const double measured = values.value("cam." + target, -2);
            QVERIFY2(
                std::abs(measured - expected) < 1e-3,
                qPrintable(QString("%1: %2 against %3").arg(target).arg(measured).arg(expected)));
            QVERIFY2(target.startsWith("layer3") ? expected >= 0.5 : expected < 0.5,
                     qPrintable(QString("%1: %2").arg(target).arg(expected)));
        }
        const QString text = guideText();
        QVERIFY2(text.contains("stem (28×28) " + shown(reference["stem"].toDouble())),
                 qPrintable(text));
        QVERIFY2(text.contains("From layer3.0 on, every map correlates at least 0.5 with the last "
                               "one: the evidence takes its final shape in conv4_x."),
                 qPrintable(text));
    }

    // The clip through the explorer, every frame once: the lesson's numbers are what
    // classify --video gives on the clip, tallied by pose in the test; then Play replays it at
    // its own rate.
    void watchTheBlocksPlaysTheClipThroughTheExplorer() {
        const QMap<QString, double> tally =
            reslens::testing::tallyTurningClip(QStringLiteral(RESLENS_SOURCE_RESOURCES));
        QVERIFY(!tally.isEmpty());
        QVERIFY(runLesson(LessonId::WatchTheBlocks));
        const QMap<QString, double>& values = lessons()->values();
        QCOMPARE(values.value("watch.frames"), 480.0);
        QCOMPARE(values.value("watch.faceOn"), tally["face-on"]);
        QCOMPARE(values.value("watch.edgeOn"), tally["edge-on"]);
        QCOMPARE(values.value("watch.sideways"), tally["sideways"]);
        QCOMPARE(values.value("watch.upsideDown"), tally["upside-down"]);
        const QString text = guideText();
        QVERIFY2(text.contains("Over the clip's 480 frames, ResNet-20 named the product in " +
                               shownPercent(tally["face-on"]) + "% of the frames"),
                 qPrintable(text));
        LiveController* live = find<LiveController>(*window_);
        QCOMPARE(live->source(), LiveController::Source::Video);
        QCOMPARE(live->shownFrame(), qint64(479));
        QVERIFY(!live->asFastAsNetwork());
        QSignalSpy frames(live, &LiveController::frameShown);
        live->setPlaying(true);  // from the start again, at the clip's rate
        QVERIFY(frames.wait(kWaitMs));
        QVERIFY(live->shownFrame() < 100);
        live->stop();
    }

    // Cancel the lesion study mid-way: the lesson ends with one sentence saying so, no
    // numbers, and the twin is not started.
    void aCancelledStudyEndsTheLesson() {
        QSignalSpy completed(lessons(), &LessonDirector::completed);
        LesionView* view = find<LesionView>(*window_);
        lessons()->setSeedCount(3);
        QVERIFY(lessons()->start(LessonId::BlockIsCorrection));
        QTRY_VERIFY_WITH_TIMEOUT(view->running(), kWaitMs);
        view->cancel();
        QVERIFY(completed.count() == 1 || completed.wait(kWaitMs));
        QCOMPARE(view->studies().size(), 1);
        QVERIFY(view->studies().first().result.cancelled);
        QVERIFY(!view->running());
        QCOMPARE(lessons()->findings(),
                 QStringList{"The study was cancelled: run the lesson again for its numbers."});
    }

    // A lesson never stops a run: while one is going, another is refused with a message.
    void aLessonWaitsForARunInProgress() {
        TrainingLabPanel* lab = find<TrainingLabPanel>(*window_);
        lab->setArchitecture("resnet20");
        lab->setSteps(100000);
        lab->setSubset(512);
        QSignalSpy started(lab, &TrainingLabPanel::runStarted);
        lab->start();
        QVERIFY(started.count() == 1 || started.wait(kWaitMs));
        QSignalSpy errors(window_.get(), &MainWindow::errorShown);
        QVERIFY(!lessons()->start(LessonId::WhySkips));
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.first().first().toString().contains("A run is in progress"));
        QVERIFY(lab->running());
        QSignalSpy finished(lab, &TrainingLabPanel::runFinished);
        lab->stop();
        QVERIFY(finished.count() == 1 || finished.wait(kWaitMs));
        lessons()->end();
        QVERIFY(!window_->findChild<QDockWidget*>("lessonDock")->isVisible());
        QVERIFY(!lessons()->current());
    }

    void cleanupTestCase() {
        window_->close();
        window_.reset();
    }
};

int main(int argc, char** argv) {
    return reslens::testing::runWithOwnSettings<LessonsTest>(argc, argv, "tst_lessons");
}

#include "tst_lessons.moc"
