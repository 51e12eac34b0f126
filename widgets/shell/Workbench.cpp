#include "widgets/shell/Workbench.h"

#include <QTabWidget>

#include "widgets/explorer/ExplorerController.h"
#include "widgets/explorer/FeatureMapPanel.h"
#include "widgets/instruments/InstrumentsPage.h"
#include "widgets/lab/TrainingLabPanel.h"
#include "widgets/lessons/LessonsPage.h"
#include "widgets/shell/DockLayout.h"
#include "widgets/studies/LandscapeView.h"
#include "widgets/studies/LesionView.h"
#include "widgets/studies/ResponseView.h"

namespace reslens {

bool Workbench::runInProgress() const {
    return parts_.lab->running() || parts_.lesion->running() || parts_.landscape->running() ||
           parts_.responses->running() || parts_.instruments->running();
}

void Workbench::showError(const QString& message) {
    parts_.showError(message);
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
        case Page::Instruments:
            return parts_.instruments;
    }
    return parts_.lessons;
}

void Workbench::showPage(Page page) {
    if (page == Page::Explorer) {
        parts_.docks->setExplorerShown(true);  // also when its tab was in front already
    }
    parts_.tabs->setCurrentWidget(widgetOf(page));
}

void Workbench::makeRoom(bool keepBlocks) {
    parts_.docks->setExplorerShown(false,
                                   keepBlocks ? std::optional<Dock>(Dock::Blocks) : std::nullopt);
}

Page Workbench::currentPage() const {
    QWidget* current = parts_.tabs->currentWidget();
    for (Page page : {Page::Lessons, Page::Lab, Page::Lesion, Page::Responses, Page::Landscape,
                      Page::Instruments}) {
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
