#pragma once

// The shell's side of LessonHost: the features the window assembled, the tabs they sit in
// and the docks around them. The lessons and the start-up scenarios drive the window
// through it; the main window itself hands nothing out.

#include <functional>

#include "widgets/lessons/LessonHost.h"

class QTabWidget;
class QWidget;

namespace reslens {

class DockLayout;
class InstrumentsPage;
class LessonsPage;
class ResponseView;

struct WorkbenchParts {
    ExplorerController* explorer;
    TrainingLabPanel* lab;
    LesionView* lesion;
    ResponseView* responses;
    LandscapeView* landscape;
    InstrumentsPage* instruments;
    LiveController* live;
    LessonsPage* lessons;
    QTabWidget* tabs;
    DockLayout* docks;
    // The window's one way to show an error (its message bar and errorShown).
    std::function<void(const QString&)> showError;
};

class Workbench : public LessonHost {
public:
    explicit Workbench(const WorkbenchParts& parts) : parts_(parts) {}

    bool runInProgress() const override;
    void showError(const QString& message) override;
    void showPage(Page page) override;
    void makeRoom(bool keepBlocks = false) override;
    void showParameters() override;
    ExplorerController& explorer() override { return *parts_.explorer; }
    TrainingLabPanel& lab() override { return *parts_.lab; }
    LesionView& lesionStudy() override { return *parts_.lesion; }
    LandscapeView& landscape() override { return *parts_.landscape; }
    InstrumentsPage& instruments() override { return *parts_.instruments; }
    LiveController& live() override { return *parts_.live; }

    // The page in front, from the tabs (the user may have switched).
    Page currentPage() const;

private:
    QWidget* widgetOf(Page page) const;

    WorkbenchParts parts_;
};

}  // namespace reslens
