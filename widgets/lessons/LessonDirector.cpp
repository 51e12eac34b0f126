#include "widgets/lessons/LessonDirector.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTimer>

#include <algorithm>

#include "app/core/explorer/GradCamTrace.h"
#include "app/core/lessons/LessonExperiment.h"
#include "app/core/lessons/LessonReport.h"
#include "widgets/common/QtResources.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/instruments/GradientLineView.h"
#include "widgets/instruments/InstrumentsPage.h"
#include "widgets/lab/TrainingHistory.h"
#include "widgets/lab/TrainingLabPanel.h"
#include "widgets/lessons/LessonFindings.h"
#include "widgets/lessons/LessonHost.h"
#include "widgets/live/LiveController.h"
#include "widgets/studies/LandscapeView.h"
#include "widgets/studies/LesionView.h"
#include "widgets/studies/StudyRunner.h"

namespace reslens {
namespace {

constexpr const char* kReferenceRecord = ":/lessons/measured.json";

bool isShipped(const ModelView& model, const char* name) {
    return model.request.kind == ModelKind::Shipped && model.request.location == name;
}

bool isShippedDeep(const ModelView& model) {
    return isShipped(model, "deep");
}

std::vector<double> lossesOf(const QVector<StepUpdate>& steps) {
    std::vector<double> out;
    for (const StepUpdate& step : steps) {
        out.push_back(step.loss);
    }
    return out;
}

std::vector<double> firstNormsOf(const QVector<StepUpdate>& steps) {
    return steps.isEmpty() ? std::vector<double>()
                           : std::vector<double>(steps.first().blockNorms.begin(),
                                                 steps.first().blockNorms.end());
}

std::vector<LessonRecord> readReferences() {
    QFile file(QString::fromLatin1(kReferenceRecord));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    try {
        return parseLessonRecords(file.readAll().toStdString());
    } catch (const std::exception&) {
        return {};  // a broken record compiled in: the lessons show this machine's numbers only
    }
}

}  // namespace

LessonDirector::LessonDirector(LessonHost& host, QObject* parent)
    : QObject(parent), host_(host), references_(readReferences()) {}

void LessonDirector::retireSeedRunner() {
    if (seedRunner_) {
        // Its job stops at its next progress report; the runner waits for that as it goes.
        seedRunner_->cancel();
        seedRunner_->deleteLater();
        seedRunner_ = nullptr;
    }
}

void LessonDirector::setShortVersion(bool shortVersion) {
    settings_ = shortVersion ? LessonSettings::shortVersion() : LessonSettings::reference();
}

void LessonDirector::setSeedCount(int seeds) {
    seedCount_ = std::clamp(seeds, 1, 20);
}

const LessonRecord* LessonDirector::reference() const {
    if (!current_) {
        return nullptr;
    }
    const std::string name = lessonName(*current_);
    for (const LessonRecord& record : references_) {
        if (record.lesson == name) {
            return &record;
        }
    }
    return nullptr;
}

double LessonDirector::estimatedSeconds(LessonId lesson) const {
    const std::string name = lessonName(lesson);
    for (const LessonRecord& record : references_) {
        if (record.lesson == name) {
            // The seeds run side by side (the one on screen and the others beside it).
            return record.estimatedSeconds(lessonUsesSeeds(lesson) ? seedCount_ : 1);
        }
    }
    return 0;
}

bool LessonDirector::start(LessonId lesson) {
    if (host_.runInProgress()) {
        host_.showError(
            tr("A run is in progress: stop it, or let it finish, before starting a lesson."));
        return false;
    }
    disconnectAll();
    retireSeedRunner();  // a lesson restarted: the old seeds stop, their results are dropped
    ++generation_;
    current_ = lesson;
    seeds_.clear();
    if (lessonUsesSeeds(lesson)) {
        for (int i = 0; i < seedCount_; ++i) {
            seeds_.push_back(nextSeed_++);
        }
    }
    shown_ = SeedMeasure{};
    shown_.seed = seeds_.empty() ? 0 : seeds_.front();
    others_.clear();
    shownDone_ = false;
    othersDone_ = seeds_.size() < 2;
    record_.reset();
    backgroundProgress_.clear();
    findings_.clear();
    values_.clear();
    complete_ = false;
    firstStepShown_ = false;
    showcaseShown_ = false;
    seconds_ = 0;
    startedMs_ = QDateTime::currentMSecsSinceEpoch();
    // The lab, the lesion study and the landscape want the room; the explorer's lessons
    // want its docks.
    if (lesson != LessonId::Bottleneck && lesson != LessonId::EvidenceForms &&
        lesson != LessonId::WatchTheBlocks) {
        host_.makeRoom();
    }
    Q_EMIT started(lesson);
    Q_EMIT findingsChanged();
    startBackgroundSeeds();
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
        case LessonId::ShatteredGradients:
            startGradientLines();
            break;
        case LessonId::WatchTheBlocks:
            startWatching();
            break;
    }
    return true;
}

void LessonDirector::end() {
    disconnectAll();
    retireSeedRunner();
    ++generation_;
    current_.reset();
    Q_EMIT ended();
}

void LessonDirector::disconnectAll() {
    for (const QMetaObject::Connection& connection : connections_) {
        disconnect(connection);
    }
    connections_.clear();
}

void LessonDirector::startBackgroundSeeds() {
    if (seeds_.size() < 2) {
        return;
    }
    const LessonId lesson = *current_;
    const std::vector<uint64_t> seeds(seeds_.begin() + 1, seeds_.end());
    const LessonSettings settings = settings_;
    const int generation = generation_;
    seedRunner_ = new StudyRunner(QStringLiteral("lesson seeds"), this);
    connect(seedRunner_, &StudyRunner::progressed, this,
            [this](int done, int total, const QString& what, double) {
                backgroundProgress_ =
                    QStringLiteral("%1 — %2%").arg(what).arg(total > 0 ? 100 * done / total : 0);
                Q_EMIT findingsChanged();
            });
    connect(seedRunner_, &StudyRunner::failed, this, [this](const QString& message) {
        if (current_ && !complete_) {
            finishWith(tr("The other seeds could not be measured: %1").arg(message));
        }
    });
    seedRunner_->run<std::vector<SeedMeasure>>(
        [lesson, seeds, settings](StudyContext& context) {
            std::vector<SeedMeasure> measures;
            for (size_t i = 0; i < seeds.size(); ++i) {
                measures.push_back(
                    measureSeed(lesson, seeds[i], settings, context.resources(), "cpu",
                                [&](const std::string& what, double done) {
                                    const double all = (double(i) + done) / double(seeds.size());
                                    return context.progress(int(1000 * all), 1000,
                                                            QString::fromStdString(what));
                                }));
                if (context.cancelled()) {
                    break;
                }
            }
            return measures;
        },
        [this, generation](const std::vector<SeedMeasure>& measures) {
            if (generation != generation_) {
                return;  // a lesson since restarted or ended
            }
            others_ = measures;
            othersDone_ = true;
            backgroundProgress_.clear();
            reportIfDone();
        });
}

void LessonDirector::shownMeasured() {
    shownDone_ = true;
    values_.clear();
    for (const auto& [name, value] : shown_.values) {
        values_.insert(QString::fromStdString(name), value);
    }
    if (shown_.stopped) {
        // This run was stopped: the lesson is not measured this time.
        retireSeedRunner();
        othersDone_ = true;
    }
    reportIfDone();
}

void LessonDirector::reportIfDone() {
    if (!shownDone_ || !othersDone_ || complete_) {
        Q_EMIT findingsChanged();
        return;
    }
    std::vector<SeedMeasure> all{shown_};
    all.insert(all.end(), others_.begin(), others_.end());
    if (shown_.stopped) {
        all.resize(1);  // what the class saw stopped is what the lesson reports
    }
    record_ = reportLesson(*current_, all, settings_);
    record_->seconds = double(QDateTime::currentMSecsSinceEpoch() - startedMs_) / 1000.0;
    findings_ = LessonFindings::sentences(record_->sentences);
    finish();
}

void LessonDirector::finishWith(const QString& sentence) {
    retireSeedRunner();
    findings_ << sentence;
    finish();
}

void LessonDirector::finish() {
    disconnectAll();
    ++generation_;  // nothing more comes in for this lesson
    complete_ = true;
    backgroundProgress_.clear();
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
    lab->setBatch(settings_.batch);
    lab->setLearningRate(settings_.learningRate);
    lab->setSteps(current_ == LessonId::Degradation ? settings_.degradationSteps : settings_.steps);
    lab->setSeed(int(shown_.seed));
    host_.showPage(Page::Lab);
    const LessonId lesson = *current_;
    if (lesson != LessonId::Degradation) {
        connections_ << connect(lab, &TrainingLabPanel::chartsRefreshed, this,
                                &LessonDirector::onPairedStep);
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

// Step 1 of this run, said at once: the gradient's spread, while the run goes on.
void LessonDirector::onPairedStep() {
    const TrainingHistory& history = host_.lab().history();
    if (firstStepShown_ || history.runCount() < 2 || history.steps(0).isEmpty() ||
        history.steps(1).isEmpty()) {
        return;
    }
    firstStepShown_ = true;
    SeedMeasure first;
    first.seed = shown_.seed;
    for (int run = 0; run < 2; ++run) {
        measurePairedRun(first, history.plan().runs[run].toStdString(),
                         {history.steps(run).first().loss}, firstNormsOf(history.steps(run)),
                         RunStatus::Finished);
    }
    findings_ = QStringList{tr("This run (seed %1), at step 1:").arg(shown_.seed)} +
                LessonFindings::sentences(firstStepSentences(first));
    for (const auto& [name, value] : first.values) {
        if (QString::fromStdString(name).endsWith(".firstOverLast")) {
            values_.insert(QString::fromStdString(name), value);
        }
    }
    Q_EMIT findingsChanged();
    showcaseShown_ = true;
    Q_EMIT showcaseReady();
}

void LessonDirector::onPairedRunFinished(LessonId lesson) {
    if (lesson != LessonId::Degradation) {
        onPairedStep();  // a run shorter than one chart refresh
    }
    const TrainingHistory& history = host_.lab().history();
    if (history.runCount() < 2) {
        finishWith(tr("The lesson needs the paired run: run it again with compare on."));
        return;
    }
    for (int run = 0; run < 2; ++run) {
        measurePairedRun(shown_, history.plan().runs[run].toStdString(),
                         lossesOf(history.steps(run)), firstNormsOf(history.steps(run)),
                         history.status(run).value_or(RunStatus::Cancelled));
    }
    if (lesson == LessonId::Degradation && degradationPair_ == 0 && shown_.complete) {
        startDegradationPair(1);
        return;
    }
    disconnectAll();
    shownMeasured();
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
        measureBottleneck(shown_, *block);
        shownMeasured();
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
        view->setSamples(int(settings_.lesionImages), shown_.seed);
        view->setRandomLesions(0, 1);
        host_.showPage(Page::Lesion);
        view->runLoadedModel();
    });
}

void LessonDirector::onLesionStudyFinished() {
    disconnectAll();
    for (const NamedLesionStudy& study : host_.lesionStudy().studies()) {
        measureLesion(shown_, study);
    }
    if (host_.lesionStudy().studies().size() < 2) {
        shown_.complete = false;
        shown_.stopped = true;
    }
    shownMeasured();
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
        const LandscapeOptions options = settings_.landscapeOptions(shown_.seed);
        view->setOptions(options);
        host_.showPage(Page::Landscape);
        view->run();
    });
}

void LessonDirector::onLandscapeFinished() {
    disconnectAll();
    const QVector<NamedLandscape>& slices = host_.landscape().slices();
    for (const NamedLandscape& slice : slices.mid(0, 2)) {
        measureLandscape(shown_, slice);
    }
    if (slices.size() < 2) {
        shown_.complete = false;
        shown_.stopped = true;
    }
    shownMeasured();
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
    openThen(ModelRequest::shipped("default"), isDefault, [explorer] {
        explorer->classifyFile(QStringLiteral(":/") + QString::fromLatin1(kEvidencePhoto));
    });
}

void LessonDirector::onEvidenceTraced(const CamTrace& trace) {
    measureEvidence(shown_, trace);
    shownMeasured();
}

// --- shattered gradients: the deep twins along one line, trained and fresh ----------------

void LessonDirector::startGradientLines() {
    GradientLineView* view = host_.instruments().gradientLine();
    connections_ << connect(view, &GradientLineView::finished, this,
                            &LessonDirector::onGradientLinesFinished);
    connections_ << connect(view, &GradientLineView::errorOccurred, this, [this](const QString& m) {
        finishWith(tr("The gradient line failed: %1").arg(m));
    });
    openThen(ModelRequest::shipped("deep"), isShippedDeep, [this, view] {
        host_.showPage(Page::Instruments);
        host_.instruments().setCurrentWidget(view);
        view->setLine(settings_.gradientLineOptions(shown_.seed));
        view->runLoadedModel();  // deep, then its twin deep-plain
    });
}

void LessonDirector::onGradientLinesFinished() {
    disconnectAll();
    const QVector<GradientLineResult>& lines = host_.instruments().gradientLine()->results();
    for (const GradientLineResult& line : lines.mid(0, 2)) {
        measureGradientLine(shown_, line);
    }
    if (lines.size() < 2) {
        shown_.complete = false;
        shown_.stopped = true;
    }
    shownMeasured();
}

// --- watch the blocks: the turning clip through the explorer, frame by frame ---------------

void LessonDirector::startWatching() {
    const QtResources resources;
    const std::optional<std::vector<char>> bytes = resources.read(kTurningClip);
    try {
        clip_ = readTurningClip(resources);
    } catch (const std::exception& e) {
        finishWith(QString::fromUtf8(e.what()));
        return;
    }
    // The decoder opens files only: the compiled-in clip is copied out for the lesson.
    clipFile_ = std::make_unique<QTemporaryFile>(QDir::tempPath() + "/reslens-clip-XXXXXX.mkv");
    if (!bytes || !clipFile_->open() ||
        clipFile_->write(bytes->data(), qint64(bytes->size())) != qint64(bytes->size()) ||
        !clipFile_->flush()) {
        finishWith(tr("The lesson's clip cannot be played: %1").arg(clipFile_->errorString()));
        return;
    }
    clipTop1_.clear();
    LiveController* live = &host_.live();
    ExplorerController* explorer = &host_.explorer();
    const qint64 last = qint64(clip_.frames.size()) - 1;
    connections_ << connect(
        live, &LiveController::frameShown, this, [this, explorer, last](qint64 i) {
            clipTop1_.insert(i, explorer->lastClassification().top.value(0).index);
            if (i == last) {  // every frame is shown, the last one last
                QTimer::singleShot(0, this, &LessonDirector::onClipPlayed);
            }
        });
    connections_ << connect(live, &LiveController::videoEnded, this, [this] {
        // The last frame is normally still on its way; should it never come (a frame the
        // worker refused), the lesson reports what was shown rather than waiting for ever.
        QTimer::singleShot(30000, this, [this, generation = generation_] {
            if (generation == generation_ && !shownDone_) {
                onClipPlayed();
            }
        });
    });
    connections_ << connect(live, &LiveController::errorOccurred, this, [this](const QString& m) {
        finishWith(tr("The clip stopped: %1").arg(m));
    });
    const auto isDefault = [](const ModelView& model) { return isShipped(model, "default"); };
    host_.showPage(Page::Explorer);
    openThen(ModelRequest::shipped("default"), isDefault, [this, live, explorer] {
        explorer->selectEntry(4);  // layer2.0: the first block of the second stage
        // Every frame once, as fast as the network goes, for the lesson's numbers; Play then
        // shows the clip again at its own rate.
        live->setAsFastAsNetwork(true);
        live->openVideo(clipFile_->fileName(), QStringLiteral("turning-products.mkv"));
    });
}

void LessonDirector::onClipPlayed() {
    disconnectAll();
    std::vector<int64_t> top1;
    for (qint64 i = 0; clipTop1_.contains(i); ++i) {
        top1.push_back(clipTop1_.value(i));
    }
    measureTurningClip(shown_, clip_, top1);
    host_.live().setAsFastAsNetwork(false);
    shownMeasured();
}

}  // namespace reslens
