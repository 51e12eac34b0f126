#pragma once

// What a lesson (and a start-up scenario) may ask of the window, and nothing more: whether a
// run is in progress, a message, which page is in front and which docks are out, and the
// features it drives — the explorer, the training lab and the studies. The shell implements
// it (shell/Workbench.h); the lessons never see the main window.

#include <QString>

namespace reslens {

class ExplorerController;
class InstrumentsPage;
class LandscapeView;
class LesionView;
class LiveController;
class TrainingLabPanel;

enum class Page { Lessons, Explorer, Lab, Lesion, Responses, Landscape, Instruments };

class LessonHost {
public:
    virtual ~LessonHost() = default;

    // The lab, a lesion study or a landscape is running: a lesson never stops a run.
    virtual bool runInProgress() const = 0;
    virtual void showError(const QString& message) = 0;
    // Brings the page to the front; the explorer's page brings back docks put away.
    virtual void showPage(Page page) = 0;
    // Puts the explorer's docks away for a page that wants the room (the lab, a study), but
    // the block list when `keepBlocks`; they come back with the explorer's page.
    virtual void makeRoom(bool keepBlocks = false) = 0;
    // The parameter table, shown and raised (bottleneck against basic).
    virtual void showParameters() = 0;

    virtual ExplorerController& explorer() = 0;
    virtual TrainingLabPanel& lab() = 0;
    virtual LesionView& lesionStudy() = 0;
    virtual LandscapeView& landscape() = 0;
    virtual InstrumentsPage& instruments() = 0;
    // The explorer's live input: a camera or a video.
    virtual LiveController& live() = 0;
};

}  // namespace reslens
