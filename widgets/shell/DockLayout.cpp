#include "widgets/shell/DockLayout.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>

namespace reslens {
namespace {

// saveState() keys docks by object name: these names are the saved layouts' keys.
const char* objectNameOf(Dock dock) {
    switch (dock) {
        case Dock::Input:
            return "inputDock";
        case Dock::Predictions:
            return "predictionsDock";
        case Dock::Blocks:
            return "blocksDock";
        case Dock::Magnitudes:
            return "magnitudesDock";
        case Dock::Parameters:
            return "parametersDock";
        case Dock::Lesson:
            return "lessonDock";
    }
    return "";
}

}  // namespace

DockLayout::DockLayout(QMainWindow* window) : window_(window) {}

QList<Dock> DockLayout::explorerDocks() {
    return {Dock::Input, Dock::Predictions, Dock::Blocks, Dock::Magnitudes, Dock::Parameters};
}

QDockWidget* DockLayout::add(Dock dock, const QString& title, QWidget* content) {
    auto* widget = new QDockWidget(title, window_);
    widget->setObjectName(objectNameOf(dock));
    widget->setWidget(content);
    docks_.insert(dock, widget);
    return widget;
}

void DockLayout::arrange() {
    window_->setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    window_->setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    window_->addDockWidget(Qt::LeftDockWidgetArea, dock(Dock::Input));
    window_->addDockWidget(Qt::LeftDockWidgetArea, dock(Dock::Predictions));
    window_->addDockWidget(Qt::RightDockWidgetArea, dock(Dock::Blocks));
    window_->addDockWidget(Qt::BottomDockWidgetArea, dock(Dock::Magnitudes));
    window_->addDockWidget(Qt::BottomDockWidgetArea, dock(Dock::Parameters));
    window_->tabifyDockWidget(dock(Dock::Magnitudes), dock(Dock::Parameters));
    dock(Dock::Magnitudes)->raise();
    if (QDockWidget* lesson = dock(Dock::Lesson)) {
        window_->tabifyDockWidget(dock(Dock::Input), lesson);
        lesson->hide();
        dock(Dock::Input)->raise();
    }
}

void DockLayout::applyDefaultSizes() {
    window_->resizeDocks({dock(Dock::Input), dock(Dock::Blocks)}, {240, 500}, Qt::Horizontal);
    window_->resizeDocks({dock(Dock::Magnitudes)}, {300}, Qt::Vertical);
}

void DockLayout::show(Dock which) {
    if (QDockWidget* widget = dock(which)) {
        widget->show();
        widget->raise();
    }
}

void DockLayout::hide(Dock which) {
    if (QDockWidget* widget = dock(which)) {
        widget->hide();
    }
}

void DockLayout::setExplorerShown(bool shown, std::optional<Dock> keep) {
    if (shown) {
        for (QDockWidget* widget : std::as_const(hiddenForRoom_)) {
            widget->show();
        }
        hiddenForRoom_.clear();
        return;
    }
    for (Dock which : explorerDocks()) {
        QDockWidget* widget = dock(which);
        if (widget->isVisible() && which != keep) {
            hiddenForRoom_ << widget;
            widget->hide();
        }
    }
}

void DockLayout::widen(Dock which, int width) {
    QDockWidget* widget = dock(which);
    if (widget && widget->isVisible() && widget->width() < width) {
        window_->resizeDocks({widget}, {width}, Qt::Horizontal);
    }
}

void DockLayout::addToggleActions(QMenu* menu) const {
    for (Dock which : explorerDocks()) {
        menu->addAction(dock(which)->toggleViewAction());
    }
}

}  // namespace reslens
