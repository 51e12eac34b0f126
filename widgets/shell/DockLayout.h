#pragma once

// The window's docks, keyed by an enum instead of object-name strings: the explorer's five
// around the centre and the lesson guide. Makes room for a view that wants it (the lab, a
// study, a lesson) and gives it back exactly as it was.

#include <QList>
#include <QMap>

#include <optional>

class QDockWidget;
class QMainWindow;
class QMenu;
class QWidget;

namespace reslens {

enum class Dock { Input, Predictions, Blocks, Magnitudes, Parameters, Lesson };

class DockLayout {
public:
    explicit DockLayout(QMainWindow* window);

    // Creates the dock around `content`; `title` is translated by the caller.
    QDockWidget* add(Dock dock, const QString& title, QWidget* content);
    // The explorer's layout: the input column full height, the blocks on the right, the
    // magnitudes and parameters (tabbed) under the centre; the lesson guide tabbed with the
    // input, hidden.
    void arrange();
    // Sizes for a first start (no saved state): only right after the window is shown.
    void applyDefaultSizes();
    QDockWidget* dock(Dock dock) const { return docks_.value(dock); }
    void show(Dock dock);  // shown and raised
    void hide(Dock dock);
    // The explorer's docks away, but `keep`; back as they were when shown again.
    void setExplorerShown(bool shown, std::optional<Dock> keep = std::nullopt);
    // The dock holds all of `width` pixels when it is shown.
    void widen(Dock dock, int width);
    // Show/hide entries for the explorer's docks.
    void addToggleActions(QMenu* menu) const;

private:
    static QList<Dock> explorerDocks();

    QMainWindow* window_;
    QMap<Dock, QDockWidget*> docks_;
    QList<QDockWidget*> hiddenForRoom_;  // those setExplorerShown(false) put away
};

}  // namespace reslens
