#include "widgets/shell/PresenterMode.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>

#include "widgets/charts/ChartStyle.h"
#include "widgets/shell/SettingsKeys.h"

namespace reslens {

PresenterMode::PresenterMode(QMainWindow* window, QList<QWidget*> secondary, QMenu* menu)
    : QObject(window), window_(window), normalFont_(QApplication::font()) {
    for (QWidget* w : secondary) {
        secondary_ << w;
    }
    toggle_ = menu->addAction(tr("&Presenter mode"), this, &PresenterMode::setActive);
    toggle_->setCheckable(true);
    toggle_->setShortcut(QKeySequence(Qt::Key_F11));
    toggle_->setToolTip(tr("Full screen, larger text and lines, high-contrast charts (F11)"));
    scaleMenu_ = menu->addMenu(tr("Presenter &scale"));
    auto* group = new QActionGroup(this);
    for (int percent : scales()) {
        QAction* action = scaleMenu_->addAction(tr("%1%").arg(percent), this,
                                                [this, percent] { setScalePercent(percent); });
        action->setCheckable(true);
        action->setData(percent);
        group->addAction(action);
    }
    contrast_ = menu->addAction(tr("High-contrast charts in presenter mode"), this,
                                &PresenterMode::setHighContrast);
    contrast_->setCheckable(true);
    QSettings settings;
    scalePercent_ = std::clamp(settings.value(settings::kPresenterScale, 150).toInt(), 125, 200);
    highContrast_ = settings.value(settings::kPresenterHighContrast, true).toBool();
    apply();
}

PresenterMode::~PresenterMode() {
    if (active_) {
        QApplication::setFont(normalFont_);
        setChartStyle(ChartStyle());
    }
}

void PresenterMode::restore() {
    setActive(QSettings().value(settings::kPresenterMode, false).toBool());
}

void PresenterMode::setActive(bool active) {
    if (active == active_) {
        apply();  // the menu's check mark follows
        return;
    }
    active_ = active;
    if (active_) {
        normalFont_ = QApplication::font();
        normalState_ = window_->saveState();
        wasMaximized_ = window_->isMaximized();
        hidden_.clear();
        for (const QPointer<QWidget>& w : secondary_) {
            if (w && !w->isHidden()) {  // shown, or to be shown with the window
                w->hide();
                hidden_ << w;
            }
        }
        window_->showFullScreen();
    } else {
        for (QWidget* w : hidden_) {
            w->show();
        }
        hidden_.clear();
        window_->restoreState(normalState_);
        if (wasMaximized_) {
            window_->showMaximized();
        } else {
            window_->showNormal();
        }
    }
    apply();
    remember();
}

QByteArray PresenterMode::windowState() const {
    return active_ ? normalState_ : window_->saveState();
}

void PresenterMode::setScalePercent(int percent) {
    scalePercent_ = std::clamp(percent, 125, 200);
    apply();
    remember();
}

void PresenterMode::setHighContrast(bool enabled) {
    highContrast_ = enabled;
    apply();
    remember();
}

void PresenterMode::apply() {
    toggle_->setChecked(active_);
    contrast_->setChecked(highContrast_);
    for (QAction* action : scaleMenu_->actions()) {
        action->setChecked(action->data().toInt() == scalePercent_);
    }
    QFont font = normalFont_;
    if (active_) {
        if (font.pointSizeF() > 0) {
            font.setPointSizeF(font.pointSizeF() * scalePercent_ / 100.0);
        } else {
            font.setPixelSize(font.pixelSize() * scalePercent_ / 100);
        }
    }
    if (font != QApplication::font()) {  // a change relays out the whole application
        QApplication::setFont(font);
    }
    ChartStyle style;
    style.scalePercent = active_ ? scalePercent_ : 100;
    style.highContrast = active_ && highContrast_;
    setChartStyle(style);
}

void PresenterMode::remember() const {
    QSettings settings;
    settings.setValue(settings::kPresenterMode, active_);
    settings.setValue(settings::kPresenterScale, scalePercent_);
    settings.setValue(settings::kPresenterHighContrast, highContrast_);
}

}  // namespace reslens
