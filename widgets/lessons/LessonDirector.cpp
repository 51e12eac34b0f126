#include "widgets/lessons/LessonDirector.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

#include "app/core/explorer/GradCamTrace.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/lab/TrainingLabPanel.h"
#include "widgets/lessons/LessonFindings.h"
#include "widgets/lessons/LessonHost.h"
#include "widgets/studies/LandscapeView.h"
#include "widgets/studies/LesionView.h"

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

bool isShippedDeep(const ModelView& model) {
    return isShipped(model, "deep");
}

}  // namespace

LessonDirector::LessonDirector(LessonHost& host, QObject* parent) : QObject(parent), host_(host) {}

bool LessonDirector::start(LessonId lesson) {
    if (host_.runInProgress()) {
        host_.showError(
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
    if (lesson != LessonId::Bottleneck && lesson != LessonId::EvidenceForms) {
        host_.makeRoom();
    }
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

void LessonDirector::finishWith(const QString& sentence) {
    findings_ << sentence;
    finish();
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

void LessonDirector::openThen(const ModelRequest& request,
                              const std::function<bool(const ModelView&)>& isIt,
                              const std::function<void()>& then) {
    connections_ << connect(&host_.explorer(), &ExplorerController::modelShown, this,
                            [this, isIt, then] {
                                if (isIt(host_.explorer().model())) {
                                    // After the window has taken the model in, re-classified its
                                    // image included: what the lesson asks of the model comes after
                                    // that, and is not superseded.
                                    QTimer::singleShot(0, this, then);
                                }
                            });
    host_.explorer().openModel(request);
}

// --- the paired runs: why skips, without batch norm, degradation ---------------------------

void LessonDirector::startPairedRun(const QString& arch, bool batchNorm) {
    TrainingLabPanel* lab = &host_.lab();
    lab->useDefaultRecipe();
    lab->setArchitecture(arch);
    lab->setBatchNorm(batchNorm);
    if (short_) {
        lab->setSteps(current_ == LessonId::Degradation ? kShortDegradationSteps : kShortSteps);
    }
    host_.showPage(Page::Lab);
    const LessonId lesson = *current_;
    if (lesson != LessonId::Degradation) {
        connections_ << connect(lab, &TrainingLabPanel::chartsRefreshed, this,
                                [this, lesson] { onPairedStep(lesson); });
    }
    // Data that cannot be loaded, say: the lesson says so instead of measuring forever.
    connections_ << connect(lab, &TrainingLabPanel::errorOccurred, this, [this](const QString& m) {
        finishWith(tr("The run failed: %1").arg(m));
    });
    connections_ << connect(lab, &TrainingLabPanel::runFinished, this, [this, lesson] {
        // After the lab has settled its buttons and history for the run that ended.
        QTimer::singleShot(0, this, [this, lesson] { onPairedRunFinished(lesson); });
    });
    lab->start();
}

void LessonDirector::onPairedStep(LessonId lesson) {
    const TrainingHistory& history = host_.lab().history();
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
    const TrainingHistory& history = host_.lab().history();
    if (history.runCount() < 2) {
        finishWith(tr("The lesson needs the paired run: run it again with compare on."));
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
    const auto isResNet50 = [](const ModelView& model) {
        return model.request.kind == ModelKind::Fresh && model.summary.config.arch == "resnet50";
    };
    host_.showPage(Page::Explorer);
    openThen(ModelRequest::fresh(ResNetConfig::fromArchName("resnet50")), isResNet50, [this] {
        const std::vector<BlockAccount>& blocks = host_.explorer().model().summary.blocks;
        const auto block = std::find_if(blocks.begin(), blocks.end(), [](const BlockAccount& b) {
            return b.info.name == "layer1.1" && b.basicEquivalentParams;
        });
        if (block == blocks.end()) {
            finishWith(tr("This network has no bottleneck block layer1.1."));
            return;
        }
        host_.explorer().selectEntry(int(block - blocks.begin()) + 1);
        host_.showParameters();
        add(LessonFindings::bottleneck(*block));
        finish();
    });
}

// --- a block is a correction: the lesion study of the deep twins --------------------------

void LessonDirector::startLesionStudy() {
    LesionView* view = &host_.lesionStudy();
    connections_ << connect(view, &LesionView::studyFinished, this, [this, view] {
        // The twin only after a complete first study: a cancelled one ends the lesson.
        if (view->studies().size() == 1 && !view->studies().first().result.cancelled) {
            view->runModel(ModelRequest::shipped("deep-plain"));
        } else {
            onLesionStudyFinished();
        }
    });
    connections_ << connect(view, &LesionView::errorOccurred, this, [this](const QString& m) {
        finishWith(tr("The study failed: %1").arg(m));
    });
    openThen(ModelRequest::shipped("deep"), isShippedDeep, [this, view] {
        view->setSamples(short_ ? kShortLesionImages : kLesionImages);
        view->setRandomLesions(0, 1);
        host_.showPage(Page::Lesion);
        view->runLoadedModel();
    });
}

void LessonDirector::onLesionStudyFinished() {
    add(LessonFindings::lesion(host_.lesionStudy().studies()));
    finish();
}

// --- the loss landscape of the deep twins --------------------------------------------------

void LessonDirector::startLandscape() {
    LandscapeView* view = &host_.landscape();
    connections_ << connect(view, &LandscapeView::allFinished, this,
                            &LessonDirector::onLandscapeFinished);
    connections_ << connect(view, &LandscapeView::errorOccurred, this, [this](const QString& m) {
        finishWith(tr("The landscape failed: %1").arg(m));
    });
    openThen(ModelRequest::shipped("deep"), isShippedDeep, [this, view] {
        LandscapeOptions options;
        options.twoD = true;
        options.points = short_ ? 9 : 11;
        options.samples = short_ ? 200 : 300;
        options.range = 1.0;
        options.seed = 1;
        view->setOptions(options);
        host_.showPage(Page::Landscape);
        view->run();
    });
}

void LessonDirector::onLandscapeFinished() {
    add(LessonFindings::landscape(host_.landscape().slices(), host_.landscape().options()));
    finish();
}

// --- where the evidence forms: Grad-CAM through the blocks --------------------------------

void LessonDirector::startEvidence() {
    const auto isDefault = [](const ModelView& model) { return isShipped(model, "default"); };
    ExplorerController* explorer = &host_.explorer();
    connections_ << connect(
        explorer, &ExplorerController::predictionsShown, this, [explorer, isDefault] {
            if (!isDefault(explorer->model()) ||
                !explorer->lastClassification().source.contains("7-sneaker-0788")) {
                return;
            }
            explorer->showGradCam();
            explorer->selectEntry(0);  // the stem: step on from here
            explorer->traceGradCam();
        });
    connections_ << connect(explorer, &ExplorerController::gradCamTraced, this,
                            &LessonDirector::onEvidenceTraced);
    host_.showPage(Page::Explorer);
    openThen(ModelRequest::shipped("default"), isDefault,
             [explorer] { explorer->classifyFile(QString::fromLatin1(kEvidencePhoto)); });
}

void LessonDirector::onEvidenceTraced(const CamTrace& trace) {
    add(LessonFindings::evidence(trace));
    finish();
}

}  // namespace reslens
