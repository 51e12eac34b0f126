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

void Workbench::showPage(Page page, bool keepBlocks) {
    QWidget* widgets[] = {parts_.lessons,   parts_.explorer->panels().features,
                          parts_.lab,       parts_.lesion,
                          parts_.responses, parts_.landscape};
    // Every page but the explorer's and the start page wants the room its docks take.
    if (page != Page::Explorer && page != Page::Lessons) {
        parts_.docks->setExplorerShown(
            false, keepBlocks ? std::optional<Dock>(Dock::Blocks) : std::nullopt);
    }
    parts_.tabs->setCurrentWidget(widgets[int(page)]);
}

Page Workbench::currentPage() const {
    QWidget* current = parts_.tabs->currentWidget();
    if (current == parts_.lab) {
        return Page::Lab;
    }
    if (current == parts_.lesion) {
        return Page::Lesion;
    }
    if (current == parts_.responses) {
        return Page::Responses;
    }
    if (current == parts_.landscape) {
        return Page::Landscape;
    }
    return current == parts_.lessons ? Page::Lessons : Page::Explorer;
}

void Workbench::showParameters() {
    parts_.docks->show(Dock::Parameters);
}

}  // namespace reslens
