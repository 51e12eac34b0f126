#include "widgets/shell/StartupScript.h"

#include <QDateTime>

#include <QDir>
#include <QFileInfo>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <memory>

#include "app/core/models/ModelTwins.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/lab/TrainingHistory.h"
#include "widgets/lab/TrainingLabPanel.h"
#include "widgets/lessons/LessonDirector.h"
#include "widgets/lessons/LessonHost.h"
#include "widgets/live/LiveController.h"
#include "widgets/studies/LandscapeView.h"
#include "widgets/studies/LesionView.h"

namespace reslens {
namespace {

// Long enough for the window to paint what just arrived (charts animate their first draw).
constexpr int kPaintMs = 800;

}  // namespace

bool StartupOptions::asksForAView() const {
    return !image.isEmpty() || block || gradCam || !labArch.isEmpty() || !openRun.isEmpty() ||
           lesion || landscape || lesson || !video.isEmpty();
}

StartupScript::StartupScript(const StartupOptions& options, LessonHost& host,
                             LessonDirector& lessons, QWidget* window)
    : QObject(window), options_(options), host_(host), lessons_(lessons), window_(window) {}

QString StartupScript::arrange() {
    ExplorerController* explorer = &host_.explorer();
    if (options_.block) {
        connect(explorer, &ExplorerController::modelShown, this,
                [explorer, entry = *options_.block] { explorer->selectEntry(entry); });
    }
    if (options_.gradCam) {
        explorer->showGradCam();
    }
    if (!options_.labArch.isEmpty()) {
        arrangeLab();
    }
    if (!options_.openRun.isEmpty()) {
        const QString error = host_.lab().openRun(options_.openRun);
        if (!error.isEmpty()) {
            return error;
        }
        host_.makeRoom();
        host_.showPage(Page::Lab);
    }
    if (options_.lesion) {
        arrangeLesion();
    }
    if (options_.landscape) {
        arrangeLandscape();
    }
    if (options_.lesson) {
        arrangeLesson();
    }
    if (!options_.video.isEmpty()) {
        arrangeVideo();
    }
    if (!options_.screenshot.isEmpty()) {
        arrangeScreenshot();
    }
    if (options_.reportStartup) {
        arrangeStartupReport();
    }
    return QString();
}

void StartupScript::arrangeStartupReport() {
    connect(
        &host_.explorer(), &ExplorerController::predictionsShown, this,
        [this] {
            window_->repaint();  // drawn, not only queued for drawing
            std::printf(
                "startup: the first image classified and drawn %lld ms after main()\n",
                static_cast<long long>(QDateTime::currentMSecsSinceEpoch() - options_.launchedMs));
            std::fflush(stdout);
            Q_EMIT finished(0);
        },
        Qt::SingleShotConnection);
}

void StartupScript::arrangeLab() {
    TrainingLabPanel* lab = &host_.lab();
    lab->setArchitecture(options_.labArch);
    lab->setSteps(options_.labSteps);
    lab->setBatch(options_.labBatch);
    lab->setCompare(true);
    host_.makeRoom();
    host_.showPage(Page::Lab);
    // After start-up's first prediction, once the lab has the model's data.
    connect(&host_.explorer(), &ExplorerController::predictionsShown, lab, [lab] {
        if (!lab->running() && lab->history().empty()) {
            lab->start();
        }
    });
}

void StartupScript::arrangeLesion() {
    LesionView* view = &host_.lesionStudy();
    host_.makeRoom(/*keepBlocks=*/true);
    host_.showPage(Page::Lesion);
    connect(&host_.explorer(), &ExplorerController::predictionsShown, view,
            &LesionView::runLoadedModel, Qt::SingleShotConnection);
    // Then its twin, once: the pair the study is about.
    connect(view, &LesionView::studyFinished, this, [this, view] {
        const std::optional<ModelRequest> twin = shippedTwin(host_.explorer().model().request);
        if (view->studies().size() == 1 && twin) {
            view->runModel(*twin);
        }
    });
}

void StartupScript::arrangeLandscape() {
    LandscapeView* view = &host_.landscape();
    view->setOptions(*options_.landscape);
    host_.makeRoom();
    host_.showPage(Page::Landscape);
    connect(&host_.explorer(), &ExplorerController::predictionsShown, view, &LandscapeView::run,
            Qt::SingleShotConnection);
}

void StartupScript::arrangeLesson() {
    const LessonId lesson = *options_.lesson;
    connect(
        &host_.explorer(), &ExplorerController::predictionsShown, this,
        [this, lesson] {
            // What the start page said it would take, beside what it took (printed when it
            // completes): tests/bench/lesson_estimate.py compares the two.
            std::printf("lesson %s: estimated %.0f s for %d seeds\n", qPrintable(lessonKey(lesson)),
                        lessons_.estimatedSeconds(lesson), lessons_.seedCount());
            std::fflush(stdout);
            lessons_.start(lesson);
        },
        Qt::SingleShotConnection);
    // How long it took and what it found, for the docs and whoever runs it.
    connect(&lessons_, &LessonDirector::completed, this, [this, lesson] {
        std::printf("lesson %s: %.1f s\n", qPrintable(lessonKey(lesson)), lessons_.seconds());
        for (const QString& finding : lessons_.findings()) {
            std::printf("  %s\n", qPrintable(finding));
        }
        std::fflush(stdout);
    });
}

void StartupScript::arrangeVideo() {
    host_.showPage(Page::Explorer);
    connect(
        &host_.explorer(), &ExplorerController::predictionsShown, this,
        [this] { host_.live().openVideo(options_.video); }, Qt::SingleShotConnection);
}

void StartupScript::shootAndFinish(std::function<bool()> alsoSave) {
    QTimer::singleShot(kPaintMs, this, [this, alsoSave] {
        const bool saved =
            window_->grab().save(options_.screenshot, "PNG") && (!alsoSave || alsoSave());
        Q_EMIT finished(saved ? 0 : 1);
    });
}

void StartupScript::arrangeScreenshot() {
    if (options_.lesson) {
        // The lesson's screen once it shows what it teaches; finish once it is complete.
        auto saved = std::make_shared<bool>(false);
        connect(&lessons_, &LessonDirector::showcaseReady, this, [this, saved] {
            QTimer::singleShot(kPaintMs, this, [this, saved] {
                *saved = window_->grab().save(options_.screenshot, "PNG");
            });
        });
        connect(&lessons_, &LessonDirector::completed, this, [this, saved] {
            QTimer::singleShot(2 * kPaintMs, this,
                               [this, saved] { Q_EMIT finished(*saved ? 0 : 1); });
        });
    } else if (!options_.video.isEmpty()) {
        LiveController* live = &host_.live();
        connect(live, &LiveController::videoEnded, this, [this] { shootAndFinish(); });
        connect(live, &LiveController::errorOccurred, this, [this](const QString& message) {
            std::fprintf(stderr, "reslens: %s\n", qPrintable(message));
            Q_EMIT finished(1);
        });
    } else if (options_.landscape) {
        LandscapeView* view = &host_.landscape();
        connect(view, &LandscapeView::allFinished, this, [this, view] {
            // The numbers behind the picture, beside it (name.csv).
            const QFileInfo png(options_.screenshot);
            const QString csv = png.dir().filePath(png.completeBaseName() + ".csv");
            shootAndFinish([view, csv] { return view->exportCsv(csv).isEmpty(); });
        });
    } else if (options_.lesion) {
        LesionView* view = &host_.lesionStudy();
        connect(view, &LesionView::studyFinished, this, [this, view] {
            if (!view->running() && view->studies().size() >= 2) {
                shootAndFinish();
            }
        });
    } else if (!options_.openRun.isEmpty()) {
        connect(
            &host_.explorer(), &ExplorerController::predictionsShown, this,
            [this] { shootAndFinish(); }, Qt::SingleShotConnection);
    } else if (!options_.labArch.isEmpty()) {
        connect(
            &host_.lab(), &TrainingLabPanel::runFinished, this, [this] { shootAndFinish(); },
            Qt::SingleShotConnection);
    } else {
        // After the first prediction and its feature grid.
        ExplorerController* explorer = &host_.explorer();
        auto shot = std::make_shared<QMetaObject::Connection>();
        *shot =
            connect(explorer, &ExplorerController::featureGridShown, this, [this, explorer, shot] {
                if (explorer->lastClassification().top.isEmpty()) {
                    return;
                }
                disconnect(*shot);
                shootAndFinish();
            });
    }
}

}  // namespace reslens
