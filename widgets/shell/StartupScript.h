#pragma once

// What the command line asks the window to do once it opens (`reslens --lab resnet56`,
// `--lesion`, `--landscape 11 --landscape-2d`, `--lesson degradation --screenshot f.png`, …):
// the options as values, and the scenario that carries them out through the LessonHost —
// the same way a lesson drives the window, so that neither repeats the other's rules.
// main.cpp only parses; tests run the scenarios.

#include <QObject>
#include <QString>

#include <optional>

#include "app/core/models/ModelRequest.h"
#include "app/core/studies/LandscapeRequest.h"
#include "widgets/lessons/LessonCatalog.h"

class QWidget;

namespace reslens {

class LessonDirector;
class LessonHost;

struct StartupOptions {
    std::optional<ModelRequest> model;  // none: the last model, else the shipped default
    QString image;                      // none: the first sample of the gallery
    QString device;                     // none: the last device, else "cpu"
    int threads = 0;                    // 0: the last setting, else every core
    std::optional<int> block;           // the navigator entry to select
    bool gradCam = false;               // Grad-CAM in the feature panel
    QString labArch;                    // the lab: train this against its plain twin
    qint64 labSteps = 300;
    int labBatch = 64;
    QString openRun;      // a saved lab run or compare folder, opened in the lab
    bool lesion = false;  // the lesion study of the model, then of its shipped twin
    std::optional<LandscapeOptions> landscape;  // slices of the model and its twin
    std::optional<LessonId> lesson;
    QString video;       // played through the explorer once the first image is shown
    QString screenshot;  // a PNG of the window once the scenario has drawn, then quit
    bool presenter = false;
    int presenterScale = 0;  // percent; 0: the saved one
    // Print when the first sample is classified and drawn, in ms after main() began (which
    // is `launchedMs`, ms since the epoch), then quit: tests/bench/cold_start.py.
    bool reportStartup = false;
    qint64 launchedMs = 0;

    // Nothing but the model, image, device and threads: the first start shows the lessons.
    bool asksForAView() const;
};

class StartupScript : public QObject {
    Q_OBJECT

public:
    // `window` is what a screenshot grabs.
    StartupScript(const StartupOptions& options, LessonHost& host, LessonDirector& lessons,
                  QWidget* window);

    // Arranges the scenario; it runs as the first model and image arrive. An empty string,
    // or why it cannot run (a run file that does not open, say).
    QString arrange();

Q_SIGNALS:
    // The screenshot's scenario is over: 0 when everything was saved, else 1.
    void finished(int exitCode);

private:
    void arrangeLab();
    void arrangeLesion();
    void arrangeLandscape();
    void arrangeLesson();
    void arrangeVideo();
    void arrangeScreenshot();
    void arrangeStartupReport();
    // Once the view has drawn: let the window paint, save it (and whatever `alsoSave`
    // writes beside it), then finish with whether it all worked.
    void shootAndFinish(std::function<bool()> alsoSave = {});

    StartupOptions options_;
    LessonHost& host_;
    LessonDirector& lessons_;
    QWidget* window_;
};

}  // namespace reslens
