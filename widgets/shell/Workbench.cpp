#include "widgets/shell/Workbench.h"

#include <QTabWidget>

#include "widgets/explorer/ExplorerController.h"
#include "widgets/explorer/FeatureMapPanel.h"
#include "widgets/lab/TrainingLabPanel.h"
#include "widgets/lessons/LessonsPage.h"
#include "widgets/shell/DockLayout.h"
#include "widgets/shell/MessageBar.h"
#include "widgets/studies/LandscapeView.h"
#include "widgets/studies/LesionView.h"
#include "widgets/studies/ResponseView.h"

namespace reslens {

bool Workbench::runInProgress() const {
    return parts_.lab->running() || parts_.lesion->running() || parts_.landscape->running() ||
           parts_.responses->running();
}

void Workbench::showError(const QString& message) {
    parts_.messages->showError(message);
}

QWidget* Workbench::widgetOf(Page page) const {
    switch (page) {
        case Page::Lessons:
            return parts_.lessons;
        case Page::Explorer:
            return parts_.explorer->panels().features;
        case Page::Lab:
            return parts_.lab;
        case Page::Lesion:
            return parts_.lesion;
        case Page::Responses:
            return parts_.responses;
        case Page::Landscape:
            return parts_.landscape;
    }
    return parts_.lessons;
}

void Workbench::showPage(Page page, bool keepBlocks) {
    // Every page but the explorer's and the start page wants the room its docks take.
    if (page != Page::Explorer && page != Page::Lessons) {
        parts_.docks->setExplorerShown(
            false, keepBlocks ? std::optional<Dock>(Dock::Blocks) : std::nullopt);
    }
    parts_.tabs->setCurrentWidget(widgetOf(page));
}

Page Workbench::currentPage() const {
    QWidget* current = parts_.tabs->currentWidget();
    for (Page page : {Page::Lessons, Page::Lab, Page::Lesion, Page::Responses, Page::Landscape}) {
        if (current == widgetOf(page)) {
            return page;
        }
    }
    return Page::Explorer;
}

void Workbench::showParameters() {
    parts_.docks->show(Dock::Parameters);
}

}  // namespace reslens
