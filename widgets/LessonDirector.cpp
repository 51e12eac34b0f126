#include "widgets/LessonDirector.h"

#include <QDateTime>
#include <QDockWidget>
#include <QTimer>

#include "app/core/GradCamTrace.h"
#include "widgets/BlockListWidget.h"
#include "widgets/FeatureMapPanel.h"
#include "widgets/LandscapeView.h"
#include "widgets/LesionView.h"
#include "widgets/LessonFindings.h"
#include "widgets/MainWindow.h"
#include "widgets/TrainingLabPanel.h"

namespace reslens {
namespace {

// The short versions the tests run: the same set-up on fewer steps and images.
constexpr qint64 kShortSteps = 12;
constexpr qint64 kShortDegradationSteps = 100;
constexpr int kLesionImages = 1000;
constexpr int kShortLesionImages = 300;
constexpr const char* kEvidencePhoto = ":/samples/photos/7-sneaker-0788.jpg";

bool isShipped(const ModelView& model, const char* name) {
    return model.request.kind == ModelKind::Shipped && model.request.location == name;
}

}  // namespace

LessonDirector::LessonDirector(MainWindow* window) : QObject(window), window_(window) {}

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

void LessonDirector::add(const LessonFindings::Findings& findings) {
    findings_ << findings.sentences;
    values_.insert(findings.values);
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
    add(LessonFindings::firstStep(history, lesson));
    showcaseShown_ = true;
    Q_EMIT showcaseReady();
}

void LessonDirector::onPairedRunFinished(LessonId lesson) {
    if (lesson != LessonId::Degradation) {
        onPairedStep(lesson);  // a run shorter than one chart refresh
    }
    const TrainingHistory& history = window_->trainingLab()->history();
    if (history.runCount() < 2) {
        addFinding(tr("The lesson needs the paired run: run it again with compare on."));
        finish();
        return;
    }
    if (lesson != LessonId::Degradation) {
        add(LessonFindings::runEnd(history, lesson, values_));
        finish();
        return;
    }
    const int pair = degradationPair_;
    const LessonFindings::Findings findings = LessonFindings::degradationPair(history, pair);
    add(findings);
    if (pair == 0 && findings.clean) {
        startDegradationPair(1);
        return;
    }
    if (findings.clean) {
        add(LessonFindings::degradation(values_));
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
                    add(LessonFindings::bottleneck(block));
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
    add(LessonFindings::lesion(window_->lesionView()->studies()));
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
    add(LessonFindings::landscape(window_->landscapeView()->slices(),
                                  window_->landscapeView()->options()));
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
    add(LessonFindings::evidence(trace));
    finish();
}

}  // namespace reslens
