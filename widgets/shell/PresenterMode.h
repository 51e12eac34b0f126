#pragma once

// Presenter mode (View ▸ Presenter mode, F11) for a projector: the window full screen, the
// application's fonts and every chart's text, lines and points scaled (125-200%), the
// secondary panels hidden (toolbar, block costs) and the charts in high contrast. Leaving it
// brings back the window as it was. Whether it is on, the scale and the contrast are
// remembered (QSettings) and restored at the next start.

#include <QByteArray>
#include <QFont>
#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;
class QWidget;

namespace reslens {

class PresenterMode : public QObject {
    Q_OBJECT

public:
    // `secondary`: what presenter mode hides. Adds its entries to `menu`.
    PresenterMode(QMainWindow* window, QList<QWidget*> secondary, QMenu* menu);
    // The application's font and chart style are app-wide: given back with the window.
    ~PresenterMode() override;

    bool active() const { return active_; }
    int scalePercent() const { return scalePercent_; }
    bool highContrast() const { return highContrast_; }
    static QList<int> scales() { return {125, 150, 175, 200}; }
    // The window's dock and toolbar state to remember: the one from before presenter mode
    // while it is on, so the next start does not begin with its panels hidden.
    QByteArray windowState() const;

public Q_SLOTS:
    void setActive(bool active);
    void setScalePercent(int percent);
    void setHighContrast(bool enabled);
    // The remembered state, once the window has restored its own geometry and docks.
    void restore();

private:
    void apply();
    void remember() const;

    QMainWindow* window_;
    QList<QPointer<QWidget>> secondary_;
    QAction* toggle_;
    QMenu* scaleMenu_;
    QAction* contrast_;
    bool active_ = false;
    int scalePercent_ = 150;
    bool highContrast_ = true;
    QFont normalFont_;
    QByteArray normalState_;  // the window's docks and toolbars before presenter mode
    QList<QWidget*> hidden_;  // what presenter mode hid (and shows again)
    bool wasMaximized_ = false;
};

}  // namespace reslens
