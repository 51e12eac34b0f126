#pragma once

// The menu bar: File (images, models, exports, lab runs), View (docks, tensors, pages,
// presenter mode, language), Lessons and Help. Each entry calls the feature it names; the
// file dialogs they open remember their folders.

#include <QObject>
#include <QString>

#include <functional>

class QMainWindow;
class QMenu;
class QToolBar;

namespace reslens {

class DockLayout;
class ExplorerController;
class LessonDirector;
class LiveController;
class MessageBar;
class ModelOpener;
class PresenterMode;
class TrainingLabPanel;
class Workbench;

struct ShellMenuTargets {
    ExplorerController* explorer;
    LiveController* live;
    ModelOpener* opener;
    TrainingLabPanel* lab;
    Workbench* workbench;
    LessonDirector* lessons;
    DockLayout* docks;
    MessageBar* messages;
    QToolBar* toolbar;
};

class ShellMenus : public QObject {
    Q_OBJECT

public:
    ShellMenus(QMainWindow* window, const ShellMenuTargets& targets);

    PresenterMode* presenter() const { return presenter_; }
    // An image shown from a file: first in File ▸ Recent images.
    void rememberImage(const QString& path);
    void chooseImage();
    void pasteImage();
    void chooseVideo();

private:
    void buildFile();
    void buildView();
    void buildLessons();
    void buildHelp();
    void updateRecentMenu();
    // File ▸ Camera: the cameras there are now, or why there is none.
    void fillCameraMenu(QMenu* menu);
    // Asks for a file in the export folder and hands it to `save`; says where it went.
    void exportWithDialog(const QString& title, const QString& name, const QString& filter,
                          const std::function<QString(const QString&)>& save);

    QMainWindow* window_;
    ShellMenuTargets targets_;
    QMenu* recent_ = nullptr;
    PresenterMode* presenter_ = nullptr;
};

}  // namespace reslens
