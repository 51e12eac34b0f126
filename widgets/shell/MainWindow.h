#pragma once

// The ResLens main window, a shell: it assembles the features — the explorer (its panels in
// docks around the feature maps), the training lab, the studies and the lessons, as tabs in
// the middle — with the menus, the toolbar and the status bar, and keeps the layout between
// sessions. It does no model work and hands none of its parts out: the explorer's protocol
// is ExplorerController's, a lesson drives the window through LessonHost (Workbench), and
// what the command line asks for is a StartupScript.

#include <QMainWindow>

#include <memory>

#include "widgets/lessons/LessonHost.h"
#include "widgets/shell/StartupScript.h"

class QLabel;
class QTabWidget;

namespace reslens {

class DockLayout;
class ExplorerController;
class InstrumentsPage;
class LandscapeView;
class LesionView;
class LessonDirector;
class LessonsPage;
class LiveController;
class MainToolbar;
class MessageBar;
class SettingsRepair;
class ModelOpener;
class ResponseView;
class ShellMenus;
class TrainingLabPanel;
class Workbench;
struct ModelView;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the model and image the options name (or the remembered ones) and arranges what
    // else they ask for. An empty string, or why the options cannot be carried out.
    QString start(const StartupOptions& options);
    // Brings a page to the front (and makes room for it, as a lesson would).
    void showPage(Page page);

public Q_SLOTS:
    // One line at the top of the window (MessageBar); also emitted as errorShown.
    void showError(const QString& message);

Q_SIGNALS:
    void errorShown(const QString& message);
    // A start-up screenshot's scenario is over: the exit code main() returns.
    void scriptFinished(int exitCode);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildPages();
    void buildDocks();
    void connectExplorer();
    void onModelChanged(const ModelView& view);
    void onDeviceChanged(const QString& device);
    void restoreSettings();

    // First: it checks the settings file before any part of the window reads it.
    std::unique_ptr<SettingsRepair> settingsRepair_;
    MessageBar* messages_;
    QTabWidget* tabs_;
    ExplorerController* explorer_;
    LiveController* live_;
    TrainingLabPanel* lab_;
    LesionView* lesion_;
    ResponseView* responses_;
    LandscapeView* landscape_;
    InstrumentsPage* instruments_;
    LessonsPage* lessonsPage_;
    std::unique_ptr<DockLayout> docks_;
    std::unique_ptr<Workbench> workbench_;
    LessonDirector* lessons_;
    ModelOpener* opener_;
    MainToolbar* toolbar_;
    ShellMenus* menus_;
    QLabel* modelLabel_;
    QLabel* timingLabel_;
};

}  // namespace reslens
