#include "widgets/LessonDirector.h"

#include <QDateTime>
#include <QDockWidget>
#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <cmath>

#include "app/core/GradCamTrace.h"
#include "app/core/LessonMeasures.h"
#include "widgets/BlockListWidget.h"
#include "widgets/FeatureMapPanel.h"
#include "widgets/LandscapeView.h"
#include "widgets/LesionView.h"
#include "widgets/MainWindow.h"
#include "widgets/TrainingLabPanel.h"

namespace reslens {
namespace {

// The short versions the tests run: the same set-up on fewer steps and images.
constexpr qint64 kShortSteps = 12;
constexpr qint64 kShortDegradationSteps = 100;
constexpr int kLesionImages = 1000;
constexpr int kShortLesionImages = 300;
constexpr double kLastShare = 0.1;  // "the last 10% of the steps"
// Fashion-MNIST has ten classes: a network that knows nothing scores ln 10.
const double kChanceLoss = std::log(10.0);
constexpr const char* kEvidencePhoto = ":/samples/photos/7-sneaker-0788.jpg";

std::vector<double> toStd(const QVector<double>& values) {
    return {values.begin(), values.end()};
}

std::vector<double> losses(const QVector<StepUpdate>& steps) {
    std::vector<double> out;
    for (const StepUpdate& step : steps) {
        out.push_back(step.loss);
    }
    return out;
}

qint64 lastCount(qint64 steps) {
    return std::max<qint64>(1, qint64(std::ceil(kLastShare * double(steps))));
}

bool isShipped(const ModelView& model, const char* name) {
    return model.request.kind == ModelKind::Shipped && model.request.location == name;
}

}  // namespace

LessonDirector::LessonDirector(MainWindow* window) : QObject(window), window_(window) {}

QString LessonDirector::number(double value) {
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
    return QLocale().toString(value, 'f', decimals);
}

QString LessonDirector::percent(double share) {
    return QLocale().toString(100 * share, 'f', 1);
}

bool LessonDirector::start(LessonId lesson) {
    if (window_->runInProgress()) {
        window_->showError(
            tr("A run is in progress: stop it, or let it finish, before starting a lesson."));
        return false;
    }
    disconnectAll();
    current_ = lesson;
    findings_.clear();
    values_.clear();
    complete_ = false;
    firstStepShown_ = false;
    showcaseShown_ = false;
    seconds_ = 0;
    startedMs_ = QDateTime::currentMSecsSinceEpoch();
    // The lab, the lesion study and the landscape want the room; the explorer's lessons
    // want its docks.
    const bool explorer = lesson == LessonId::Bottleneck || lesson == LessonId::EvidenceForms;
    window_->setExplorerDocksShown(explorer);
    Q_EMIT started(lesson);
    Q_EMIT findingsChanged();
    switch (lesson) {
        case LessonId::WhySkips:
            startPairedRun(QStringLiteral("resnet56"), true);
            break;
        case LessonId::WithoutBatchNorm:
            startPairedRun(QStringLiteral("resnet56"), false);
            break;
        case LessonId::Degradation:
            startDegradationPair(0);
            break;
        case LessonId::Bottleneck:
            showBottleneck();
            break;
        case LessonId::BlockIsCorrection:
            startLesionStudy();
            break;
        case LessonId::Landscape:
            startLandscape();
            break;
        case LessonId::EvidenceForms:
            startEvidence();
            break;
    }
    return true;
}

void LessonDirector::end() {
    disconnectAll();
    current_.reset();
    Q_EMIT ended();
}

void LessonDirector::disconnectAll() {
    for (const QMetaObject::Connection& connection : connections_) {
        disconnect(connection);
    }
    connections_.clear();
}

void LessonDirector::addFinding(const QString& text) {
    findings_ << text;
    Q_EMIT findingsChanged();
}

void LessonDirector::finish() {
    disconnectAll();
    complete_ = true;
    seconds_ = double(QDateTime::currentMSecsSinceEpoch() - startedMs_) / 1000.0;
    Q_EMIT findingsChanged();
    if (!showcaseShown_) {
        showcaseShown_ = true;
        Q_EMIT showcaseReady();
    }
    Q_EMIT completed();
}

// --- the paired runs: why skips, without batch norm, degradation ---------------------------

void LessonDirector::startPairedRun(const QString& arch, bool batchNorm) {
    TrainingLabPanel* lab = window_->trainingLab();
    lab->useDefaultRecipe();
    lab->setArchitecture(arch);
    lab->setBatchNorm(batchNorm);
    if (short_) {
        lab->setSteps(current_ == LessonId::Degradation ? kShortDegradationSteps : kShortSteps);
    }
    window_->showTrainingLab(true);
    const LessonId lesson = *current_;
    if (lesson != LessonId::Degradation) {
        connections_ << connect(lab, &TrainingLabPanel::chartsRefreshed, this,
                                [this, lesson] { onPairedStep(lesson); });
    }
    // Data that cannot be loaded, say: the lesson says so instead of measuring forever.
    connections_ << connect(lab, &TrainingLabPanel::errorOccurred, this,
                            [this](const QString& message) {
                                addFinding(tr("The run failed: %1").arg(message));
                                finish();
                            });
    connections_ << connect(lab, &TrainingLabPanel::runFinished, this, [this, lesson] {
        // After the lab has settled its buttons and history for the run that ended.
        QTimer::singleShot(0, this, [this, lesson] { onPairedRunFinished(lesson); });
    });
    lab->start();
}

void LessonDirector::onPairedStep(LessonId lesson) {
    const TrainingHistory& history = window_->trainingLab()->history();
    if (firstStepShown_ || history.runCount() < 2 || history.steps(0).isEmpty() ||
        history.steps(1).isEmpty()) {
        return;
    }
    firstStepShown_ = true;
    const QStringList& runs = history.plan().runs;
    QStringList clauses;
    for (int run = 0; run < 2; ++run) {
        const StepUpdate& first = history.steps(run).first();
        const double ratio = firstOverLast(toStd(first.blockNorms));
        values_[runs[run] + ".firstOverLast"] = ratio;
        values_[runs[run] + ".firstLoss"] = first.loss;
        clauses << (ratio >= 1 ? tr("in %1 the first block's gradient norm is %2× the last "
                                    "block's: it grows on its way back to the input")
                               : tr("in %1 the first block's gradient norm is %2× the last "
                                    "block's: it shrinks on its way back to the input"))
                       .arg(runs[run], number(ratio));
    }
    addFinding(tr("At step 1, %1; %2.").arg(clauses[1], clauses[0]));
    if (lesson == LessonId::WithoutBatchNorm) {
        addFinding(tr("The loss at step 1: %1 for %2, %3 for %4 (chance: %5).")
                       .arg(number(values_[runs[0] + ".firstLoss"]), runs[0],
                            number(values_[runs[1] + ".firstLoss"]), runs[1], number(kChanceLoss)));
    }
    showcaseShown_ = true;
    Q_EMIT showcaseReady();
}

void LessonDirector::onPairedRunFinished(LessonId lesson) {
    if (lesson != LessonId::Degradation) {
        onPairedStep(lesson);  // a run shorter than one chart refresh
    }
    const TrainingHistory& history = window_->trainingLab()->history();
    const QStringList& runs = history.plan().runs;
    if (history.runCount() < 2) {
        addFinding(tr("The lesson needs the paired run: run it again with compare on."));
        finish();
        return;
    }
    const qint64 total = history.plan().totalSteps;
    QVector<double> last(2);
    QStringList endings;
    for (int run = 0; run < 2; ++run) {
        const QVector<StepUpdate>& steps = history.steps(run);
        const std::vector<double> loss = losses(steps);
        last[run] = meanOfLast(loss, kLastShare);
        values_[runs[run] + ".lastLoss"] = last[run];
        values_[runs[run] + ".steps"] = double(steps.size());
        const std::optional<RunStatus> status = history.status(run);
        if (status == RunStatus::Diverged) {
            values_[runs[run] + ".diverged"] = 1;
            endings << tr("%1 diverged at step %2.").arg(runs[run]).arg(steps.size() + 1);
        } else if (status == RunStatus::Cancelled) {
            endings << tr("%1 was stopped after %2 steps.").arg(runs[run]).arg(steps.size());
        }
    }
    if (lesson == LessonId::Degradation) {
        const int pair = degradationPair_;
        addFinding(tr("%1 and %2: mean batch loss over the last %3 of %4 steps %5 and %6.")
                       .arg(runs[0], runs[1])
                       .arg(lastCount(total))
                       .arg(total)
                       .arg(number(last[0]), number(last[1])) +
                   (endings.isEmpty() ? QString() : ' ' + endings.join(' ')));
        values_[QStringLiteral("pair%1.resnet").arg(pair)] = last[0];
        values_[QStringLiteral("pair%1.plain").arg(pair)] = last[1];
        const bool clean = endings.isEmpty();
        if (pair == 0 && clean) {
            startDegradationPair(1);
            return;
        }
        if (pair == 1 && clean) {
            const double plainChange = values_["pair1.plain"] - values_["pair0.plain"];
            const double resnetChange = values_["pair1.resnet"] - values_["pair0.resnet"];
            const QString signedPlain = (plainChange >= 0 ? "+" : "") + number(plainChange);
            const QString signedResnet = (resnetChange >= 0 ? "+" : "") + number(resnetChange);
            addFinding(plainChange > 0 && resnetChange < plainChange
                           ? tr("From 20 to 56 layers the plain network's loss changed by %1 "
                                "and the ResNet's by %2: depth hurt the plain network more. "
                                "This is the degradation problem He et al. found (2015, "
                                "Fig. 1 and 6).")
                                 .arg(signedPlain, signedResnet)
                           : tr("From 20 to 56 layers the plain network's loss changed by %1 "
                                "and the ResNet's by %2: in this run depth did not hurt the "
                                "plain network more. A few hundred steps are noisy; the "
                                "shipped deep twins, trained for 8 epochs, are compared in "
                                "the user guide.")
                                 .arg(signedPlain, signedResnet));
        } else {
            addFinding(tr("The lesson needs both pairs to finish: run it again."));
        }
        finish();
        return;
    }
    const auto finished = [&](int run) { return history.status(run) == RunStatus::Finished; };
    if (endings.isEmpty()) {
        addFinding(tr("Mean batch loss over the last %1 of %2 steps: %3 for %4, %5 for %6.")
                       .arg(lastCount(total))
                       .arg(total)
                       .arg(number(last[0]), runs[0], number(last[1]), runs[1]));
    } else {
        // A run that diverged or was stopped has no "last tenth of the run" to compare.
        QStringList parts;
        for (int run = 0; run < 2; ++run) {
            if (finished(run)) {
                parts << tr("%1: mean batch loss %2 over its last %3 steps.")
                             .arg(runs[run], number(last[run]))
                             .arg(lastCount(history.steps(run).size()));
            }
        }
        addFinding((parts + endings).join(' '));
    }
    const double plainFirst = values_.value(runs[1] + ".firstLoss");
    if (lesson == LessonId::WhySkips && endings.isEmpty()) {
        // Whether the recipe trains calmly: a spike would make the ResNet look worse early.
        QVector<double> peak(2);
        for (int run = 0; run < 2; ++run) {
            const std::vector<double> loss = losses(history.steps(run));
            peak[run] = *std::max_element(loss.begin(), loss.end()) / loss.front();
            values_[runs[run] + ".peakOverFirst"] = peak[run];
        }
        addFinding(tr("The highest batch loss of the run was %1× the first for %2 and %3× "
                      "for %4.")
                       .arg(number(peak[0]), runs[0], number(peak[1]), runs[1]));
        if (last[1] > last[0]) {
            addFinding(last[1] < 0.8 * plainFirst
                           ? tr("The plain network ended behind, but it was not stuck: its "
                                "loss fell from %1 at step 1 to %2.")
                                 .arg(number(plainFirst), number(last[1]))
                           : tr("The plain network ended behind and hardly moved from its "
                                "first loss (%1 at step 1, %2 at the end).")
                                 .arg(number(plainFirst), number(last[1])));
        } else {
            addFinding(tr("In this run the plain network kept up with the ResNet."));
        }
    } else if (lesson == LessonId::WithoutBatchNorm) {
        if (finished(1)) {
            addFinding(std::abs(last[1] - kChanceLoss) < 0.05
                           ? tr("%1 has not learned: its loss stayed at chance.").arg(runs[1])
                           : tr("%1 learned: its loss moved away from chance.").arg(runs[1]));
        }
        if (values_.contains(runs[0] + ".diverged")) {
            addFinding(tr("%1 without batch norm diverged, its loss at step 1 already %2: "
                          "every block adds its F(x) to x, and with nothing to rescale them "
                          "the activations grow with depth (Zhang et al. 2019, Fixup, §2).")
                           .arg(runs[0], number(values_[runs[0] + ".firstLoss"])));
        }
    }
    finish();
}

void LessonDirector::startDegradationPair(int pair) {
    degradationPair_ = pair;
    disconnectAll();
    startPairedRun(pair == 0 ? QStringLiteral("resnet20") : QStringLiteral("resnet56"), true);
}

// --- bottleneck against basic -------------------------------------------------------------

void LessonDirector::showBottleneck() {
    connections_ << connect(window_, &MainWindow::modelShown, this, [this] {
        if (window_->model().request.kind == ModelKind::Fresh &&
            window_->model().summary.config.arch == "resnet50") {
            QTimer::singleShot(0, this, [this] {
                const ArchitectureSummary& summary = window_->model().summary;
                for (size_t i = 0; i < summary.blocks.size(); ++i) {
                    const BlockAccount& block = summary.blocks[i];
                    if (block.info.name != "layer1.1" || !block.basicEquivalentParams) {
                        continue;
                    }
                    window_->blockList()->selectEntry(int(i) + 1);
                    if (auto* dock = window_->findChild<QDockWidget*>("parametersDock")) {
                        dock->show();
                        dock->raise();
                    }
                    const double conv = double(block.convParams);
                    const double basic = double(*block.basicEquivalentParams);
                    const double pixels =
                        double(block.outputShape[1]) * double(block.outputShape[2]);
                    values_["bottleneck.conv"] = conv;
                    values_["bottleneck.basic"] = basic;
                    values_["bottleneck.macs"] = double(block.macs);
                    values_["basic.macs"] = basic * pixels;
                    const QLocale locale;
                    addFinding(tr("layer1.1's three convolutions (1×1 256→64, 3×3 64→64, "
                                  "1×1 64→256) hold %1 parameters; two 3×3 convolutions at "
                                  "256 channels would hold 3·3·256·256·2 = %2, %3× as many.")
                                   .arg(locale.toString(qint64(conv)),
                                        locale.toString(qint64(basic)), number(basic / conv)));
                    addFinding(tr("At its %1×%2 output that is %3 multiply-adds against %4 "
                                  "per image.")
                                   .arg(block.outputShape[1])
                                   .arg(block.outputShape[2])
                                   .arg(locale.toString(qint64(block.macs)),
                                        locale.toString(qint64(basic * pixels))));
                    finish();
                    return;
                }
                addFinding(tr("This network has no bottleneck block layer1.1."));
                finish();
            });
        }
    });
    window_->showTrainingLab(false);
    window_->openModel(ModelRequest::fresh(ResNetConfig::fromArchName("resnet50")));
}

// --- a block is a correction: the lesion study of the deep twins --------------------------

void LessonDirector::startLesionStudy() {
    connections_ << connect(window_, &MainWindow::modelShown, this, [this] {
        if (!isShipped(window_->model(), "deep")) {
            return;
        }
        LesionView* view = window_->lesionView();
        view->setSamples(short_ ? kShortLesionImages : kLesionImages);
        view->setRandomLesions(0, 1);
        window_->showLesionStudy();
        view->runLoadedModel();
    });
    connections_ << connect(window_->lesionView(), &LesionView::studyFinished, this, [this] {
        LesionView* view = window_->lesionView();
        // The twin only after a complete first study: a cancelled one ends the lesson.
        if (view->studies().size() == 1 && !view->studies().first().result.cancelled) {
            view->runModel(ModelRequest::shipped("deep-plain"));
        } else {
            onLesionStudyFinished();
        }
    });
    connections_ << connect(window_->lesionView(), &LesionView::errorOccurred, this,
                            [this](const QString& message) {
                                addFinding(tr("The study failed: %1").arg(message));
                                finish();
                            });
    window_->openModel(ModelRequest::shipped("deep"));
}

void LessonDirector::onLesionStudyFinished() {
    const QVector<NamedLesionStudy>& studies = window_->lesionView()->studies();
    QVector<LesionSpread> spreads;
    for (const NamedLesionStudy& study : studies) {
        if (study.result.cancelled || study.result.blocks.empty()) {
            addFinding(tr("The study was cancelled: run the lesson again for its numbers."));
            finish();
            return;
        }
        const LesionSpread spread = lesionSpread(study.result);
        spreads << spread;
        const QString name = QString::fromStdString(study.arch);
        values_[name + ".median"] = spread.median;
        values_[name + ".lowest"] = spread.lowest;
        values_[name + ".highest"] = spread.highest;
        values_[name + ".baseline"] = spread.baseline;
        values_[name + ".samples"] = double(study.result.samples);
        addFinding(tr("%1 on the first %2 test images, one block bypassed at a time: from %3% "
                      "to %4%, median %5% (every block in place: %6%).")
                       .arg(name)
                       .arg(study.result.samples)
                       .arg(percent(spread.lowest), percent(spread.highest), percent(spread.median),
                            percent(spread.baseline)));
    }
    const double resnetCost = spreads[0].baseline - spreads[0].median;
    const double plainCost = spreads[1].baseline - spreads[1].median;
    addFinding(
        plainCost > resnetCost + 0.2
            ? tr("At the median, bypassing one block costs the ResNet %1 points and the plain "
                 "network %2 (chance: 10%). Remove a block of the ResNet and its shortcut still "
                 "passes x on, so the rest of the network works on; in the plain network every "
                 "block is a link of the only path (Veit et al. 2016, Fig. 3).")
                  .arg(percent(resnetCost), percent(plainCost))
            : tr("At the median, bypassing one block costs the ResNet %1 points and the plain "
                 "network %2: in this run the two were hurt alike.")
                  .arg(percent(resnetCost), percent(plainCost)));
    finish();
}

// --- the loss landscape of the deep twins --------------------------------------------------

void LessonDirector::startLandscape() {
    connections_ << connect(window_, &MainWindow::modelShown, this, [this] {
        if (!isShipped(window_->model(), "deep")) {
            return;
        }
        LandscapeOptions options;
        options.twoD = true;
        options.points = short_ ? 9 : 11;
        options.samples = short_ ? 200 : 300;
        options.range = 1.0;
        options.seed = 1;
        LandscapeView* view = window_->landscapeView();
        view->setOptions(options);
        window_->showLandscape();
        view->run();
    });
    connections_ << connect(window_->landscapeView(), &LandscapeView::allFinished, this,
                            &LessonDirector::onLandscapeFinished);
    connections_ << connect(window_->landscapeView(), &LandscapeView::errorOccurred, this,
                            [this](const QString& message) {
                                addFinding(tr("The landscape failed: %1").arg(message));
                                finish();
                            });
    window_->openModel(ModelRequest::shipped("deep"));
}

void LessonDirector::onLandscapeFinished() {
    const QVector<NamedLandscape>& slices = window_->landscapeView()->slices();
    const LandscapeOptions options = window_->landscapeView()->options();
    if (slices.size() < 2 || slices[0].result.cancelled || slices[1].result.cancelled) {
        addFinding(tr("The landscape did not finish: run the lesson again for its numbers."));
        finish();
        return;
    }
    QVector<double> below;
    QStringList names;
    for (const NamedLandscape& slice : slices.mid(0, 2)) {
        below << shareBelow(slice.result.loss, 1.0);
        names << QString::fromStdString(slice.arch);
        values_[names.back() + ".below1"] = below.back();
    }
    addFinding(tr("On a %1×%1 grid reaching %2 along each direction, over the first %3 "
                  "training images, the loss is below 1 over %4% of %5's map and %6% of %7's.")
                   .arg(options.points)
                   .arg(number(options.range))
                   .arg(slices[0].result.samples)
                   .arg(percent(below[0]), names[0], percent(below[1]), names[1]));
    addFinding(
        below[0] > below[1]
            ? tr("%1's region of low loss is the larger one, %2 times %3's: the "
                 "direction of Li et al.'s finding (2018, Fig. 5), milder here, where "
                 "the plain network has batch norm.")
                  .arg(names[0], below[1] > 0 ? number(below[0] / below[1]) : "∞", names[1])
            : tr("In this slice %1's region of low loss was not the larger one.").arg(names[0]));
    finish();
}

// --- where the evidence forms: Grad-CAM through the blocks --------------------------------

void LessonDirector::startEvidence() {
    connections_ << connect(window_, &MainWindow::modelShown, this, [this] {
        if (isShipped(window_->model(), "default")) {
            // After the window has re-classified its last image for the new model: the
            // photo must be the newest request, or that one would supersede it.
            QTimer::singleShot(
                0, this, [this] { window_->classifyFile(QString::fromLatin1(kEvidencePhoto)); });
        }
    });
    connections_ << connect(window_, &MainWindow::predictionsShown, this, [this] {
        if (!isShipped(window_->model(), "default") ||
            !window_->lastClassification().source.contains("7-sneaker-0788")) {
            return;
        }
        window_->featurePanel()->showGradCam();
        window_->blockList()->selectEntry(0);  // the stem: step on from here
        window_->traceGradCam();
    });
    connections_ << connect(window_, &MainWindow::gradCamTraced, this,
                            &LessonDirector::onEvidenceTraced);
    window_->showTrainingLab(false);
    window_->openModel(ModelRequest::shipped("default"));
}

void LessonDirector::onEvidenceTraced(const CamTrace& trace) {
    QStringList parts;
    QString stage;
    double low = 0;
    double high = 0;
    QString resolution;
    const auto closeStage = [&] {
        if (!stage.isEmpty()) {
            parts << tr("%1 (%2) %3 to %4").arg(stage, resolution, number(low), number(high));
        }
    };
    for (const CamStep& step : trace.steps) {
        const double r = step.correlationWithLast;
        values_["cam." + QString::fromStdString(step.target)] = r;
        if (step.stage.empty()) {
            parts << tr("stem (%1×%2) %3").arg(step.height).arg(step.width).arg(number(r));
            continue;
        }
        const QString name = QString::fromStdString(step.stage);
        if (name != stage) {
            closeStage();
            stage = name;
            low = high = r;
            resolution = QStringLiteral("%1×%2").arg(step.height).arg(step.width);
        }
        low = std::min(low, r);
        high = std::max(high, r);
    }
    closeStage();
    addFinding(tr("For %1 (%2%), the correlation of each block's map with the last block's, "
                  "both at the input's resolution: %3.")
                   .arg(QString::fromStdString(trace.classLabel), percent(trace.probability),
                        parts.join(QStringLiteral(" · "))));
    const int settled = firstSettledStep(trace, 0.5);
    values_["cam.settled"] = settled;
    if (settled >= 0 && settled + 1 < int(trace.steps.size())) {
        const CamStep& step = trace.steps[size_t(settled)];
        addFinding(
            tr("From %1 on, every map correlates at least 0.5 with the last one: the "
               "evidence takes its final shape in %2.")
                .arg(QString::fromStdString(step.target),
                     step.stage.empty() ? tr("the stem") : QString::fromStdString(step.stage)));
    } else {
        addFinding(
            tr("No earlier map correlates at least 0.5 with the last one: the "
               "evidence takes its shape at the very end."));
    }
    finish();
}

}  // namespace reslens
