#include "widgets/shell/ShellMenus.h"

#include <QApplication>
#include <QCameraDevice>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

#include <utility>

#include "app/core/models/ShippedModels.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/lab/TrainingLabPanel.h"
#include "widgets/lessons/LessonCatalog.h"
#include "widgets/lessons/LessonDirector.h"
#include "widgets/live/CameraSource.h"
#include "widgets/live/LiveBar.h"
#include "widgets/live/LiveController.h"
#include "widgets/shell/DockLayout.h"
#include "widgets/shell/MessageBar.h"
#include "widgets/shell/ModelOpener.h"
#include "widgets/shell/PresenterMode.h"
#include "widgets/shell/SettingsKeys.h"
#include "widgets/shell/Translations.h"
#include "widgets/shell/Workbench.h"

namespace reslens {
namespace {

constexpr int kRecentImages = 8;
const char* const kImageFilter =
    "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff *.pgm *.ppm *.pnm);;All files (*)";

}  // namespace

ShellMenus::ShellMenus(QMainWindow* window, const ShellMenuTargets& targets)
    : QObject(window), window_(window), targets_(targets) {
    buildFile();
    buildView();
    buildLessons();  // before Help
    buildHelp();
    updateRecentMenu();
}

void ShellMenus::buildFile() {
    ExplorerController* explorer = targets_.explorer;
    ModelOpener* opener = targets_.opener;
    QMenu* file = window_->menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open image…"), this, &ShellMenus::chooseImage)
        ->setShortcut(QKeySequence::Open);
    file->addAction(tr("&Paste image"), this, &ShellMenus::pasteImage)
        ->setShortcut(QKeySequence::Paste);
    recent_ = file->addMenu(tr("Recent images"));
    file->addAction(tr("Open &video…"), this, &ShellMenus::chooseVideo)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
    QMenu* camera = file->addMenu(tr("&Camera"));
    connect(camera, &QMenu::aboutToShow, this, [this, camera] { fillCameraMenu(camera); });
    QMenu* live = file->addMenu(tr("&Live input"));
    LiveBar* bar = targets_.live->bar();
    live->addActions(
        {bar->playAction(), bar->stepAction(), bar->snapshotAction(), bar->stopAction()});
    file->addSeparator();
    file->addAction(tr("Open &model file…"), opener, &ModelOpener::chooseModelFile)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addAction(tr("&Import your own ResNet…"), opener, &ModelOpener::chooseImport)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    file->addAction(tr("&New network with fresh weights…"), opener, &ModelOpener::buildFreshNetwork)
        ->setShortcut(QKeySequence::New);
    QMenu* shipped = file->addMenu(tr("Shipped models"));
    for (const ShippedModel& model : shippedModels()) {
        shipped->addAction(
            QString::fromStdString(model.name + ": " + model.description), explorer,
            [explorer, name = model.name] { explorer->openModel(ModelRequest::shipped(name)); });
    }
    file->addSeparator();
    QMenu* exports = file->addMenu(tr("&Export"));
    exports
        ->addAction(tr("Feature grid or Grad-CAM as PNG…"), this,
                    [this, explorer] {
                        const bool cam = explorer->gradCamShown();
                        exportWithDialog(cam ? tr("Export Grad-CAM") : tr("Export feature grid"),
                                         cam ? "grad-cam.png" : "features.png",
                                         tr("PNG images (*.png)"), [explorer](const QString& p) {
                                             return explorer->exportFeatureGrid(p);
                                         });
                    })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exports->addAction(tr("Magnitude chart as PNG or SVG…"), this, [this, explorer] {
        exportWithDialog(
            tr("Export magnitude chart"), "magnitudes.svg",
            tr("SVG drawings (*.svg);;PNG images (*.png)"),
            [explorer](const QString& p) { return explorer->exportMagnitudeChart(p); });
    });
    exports
        ->addAction(tr("Statistics as CSV or JSON…"), this,
                    [this, explorer] {
                        exportWithDialog(
                            tr("Export statistics"), "statistics.csv",
                            tr("CSV tables (*.csv);;JSON (*.json)"),
                            [explorer](const QString& p) { return explorer->exportStatistics(p); });
                    })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addSeparator();
    TrainingLabPanel* lab = targets_.lab;
    Workbench* workbench = targets_.workbench;
    file->addAction(tr("Open lab &run…"), lab,
                    [lab, workbench] {
                        workbench->showPage(Page::Lab);
                        lab->openRunFile();
                    })
        ->setToolTip(tr("A saved training-lab run, or a reslens-cli compare folder"));
    file->addAction(tr("Save lab r&un…"), lab, [lab, workbench] {
        workbench->showPage(Page::Lab);
        lab->saveRunAs();
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), window_, &QWidget::close)->setShortcut(QKeySequence::Quit);
}

void ShellMenus::buildView() {
    ExplorerController* explorer = targets_.explorer;
    Workbench* workbench = targets_.workbench;
    QMenu* view = window_->menuBar()->addMenu(tr("&View"));
    targets_.docks->addToggleActions(view);
    view->addSeparator();
    const std::pair<TensorKind, QString> kinds[] = {{TensorKind::Input, tr("Input x")},
                                                    {TensorKind::Residual, tr("Residual F(x)")},
                                                    {TensorKind::Shortcut, tr("Shortcut")},
                                                    {TensorKind::Output, tr("Output")}};
    int key = Qt::Key_1;
    for (const auto& [kind, label] : kinds) {
        view->addAction(tr("Show %1").arg(label), explorer,
                        [explorer, k = kind] { explorer->setTensorKind(k); })
            ->setShortcut(QKeySequence(Qt::CTRL | key++));
    }
    view->addAction(tr("Show Grad-CAM"), explorer, &ExplorerController::showGradCam)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    view->addAction(tr("Feature maps"), this, [workbench] { workbench->showPage(Page::Explorer); })
        ->setShortcut(QKeySequence(Qt::Key_F2));
    view->addAction(tr("Training lab"), this, [workbench] { workbench->showPage(Page::Lab); })
        ->setShortcut(QKeySequence(Qt::Key_F3));
    view->addAction(tr("Dismiss message"), targets_.messages, &MessageBar::dismiss)
        ->setShortcut(QKeySequence(Qt::Key_Escape));
    view->addSeparator();
    presenter_ = new PresenterMode(
        window_, {targets_.toolbar, targets_.docks->dock(Dock::Parameters)}, view);
    Translations::addMenu(view, window_);
}

void ShellMenus::buildLessons() {
    LessonDirector* lessons = targets_.lessons;
    Workbench* workbench = targets_.workbench;
    QMenu* menu = window_->menuBar()->addMenu(tr("&Lessons"));
    menu->addAction(tr("Start page"), this, [workbench] { workbench->showPage(Page::Lessons); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    menu->addSeparator();
    for (LessonId lesson : allLessons()) {
        menu->addAction(lessonText(lesson).title, lessons,
                        [lessons, lesson] { lessons->start(lesson); })
            ->setToolTip(lessonText(lesson).summary);
    }
    menu->addSeparator();
    QAction* end = menu->addAction(tr("End lesson"), lessons, &LessonDirector::end);
    connect(lessons, &LessonDirector::started, end, [end] { end->setEnabled(true); });
    connect(lessons, &LessonDirector::ended, end, [end] { end->setEnabled(false); });
    end->setEnabled(false);
}

void ShellMenus::buildHelp() {
    QMenu* help = window_->menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard"), this, [this] {
        QMessageBox::information(
            window_, tr("Keyboard"),
            tr("Up/Down or Left/Right in the block list: previous/next block\n"
               "PgUp/PgDn: previous/next stage · Home/End: stem/classifier\n"
               "Alt+Up/Alt+Down: previous/next block from anywhere\n"
               "Ctrl+1…4: input, F(x), shortcut, output · Ctrl+5: Grad-CAM\n"
               "Click a prediction: Grad-CAM for that class\n"
               "Ctrl+O: open image · Ctrl+V: paste image · Ctrl+Shift+O: open model\n"
               "Ctrl+I: import your own ResNet · Ctrl+N: new network\n"
               "Ctrl+E: export feature grid · Ctrl+Shift+E: export statistics\n"
               "Ctrl+wheel over the grid: zoom\n"
               "Ctrl+Alt+O: open video · live input: Space pause/play, . next frame, "
               "Ctrl+Shift+S snapshot"));
    });
}

void ShellMenus::chooseImage() {
    const QString path = QFileDialog::getOpenFileName(
        window_, tr("Open image"), QSettings().value(settings::kImageDirectory).toString(),
        tr(kImageFilter));
    if (!path.isEmpty()) {
        QSettings().setValue(settings::kImageDirectory, QFileInfo(path).absolutePath());
        targets_.explorer->classifyFile(path);
    }
}

void ShellMenus::chooseVideo() {
    const QString path = QFileDialog::getOpenFileName(
        window_, tr("Open video"), QSettings().value(settings::kVideoDirectory).toString(),
        tr("Videos (*.mp4 *.m4v *.mov *.avi *.mkv *.webm *.ogv *.mpg *.mpeg *.wmv *.flv);;"
           "All files (*)"));
    if (!path.isEmpty()) {
        QSettings().setValue(settings::kVideoDirectory, QFileInfo(path).absolutePath());
        targets_.workbench->showPage(Page::Explorer);
        targets_.live->openVideo(path);
    }
}

void ShellMenus::fillCameraMenu(QMenu* menu) {
    menu->clear();
    const QList<QCameraDevice> cameras = CameraSource::cameras();
    if (cameras.isEmpty()) {
        // Says why instead of an empty menu or a greyed-out one with no reason.
        QAction* none = menu->addAction(tr("No camera found"));
        none->setEnabled(false);
        none->setToolTip(CameraSource::whyNoCamera());
        menu->setToolTipsVisible(true);
        return;
    }
    for (const QCameraDevice& camera : cameras) {
        menu->addAction(camera.description(), this, [this, camera] {
            targets_.workbench->showPage(Page::Explorer);
            targets_.live->startCamera(camera);
        });
    }
}

void ShellMenus::pasteImage() {
    if (!targets_.explorer->takeMimeData(QApplication::clipboard()->mimeData())) {
        targets_.messages->showError(tr("The clipboard holds no image."));
    }
}

void ShellMenus::rememberImage(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value(settings::kRecentImages).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kRecentImages) {
        recent.removeLast();
    }
    settings.setValue(settings::kRecentImages, recent);
    updateRecentMenu();
}

void ShellMenus::updateRecentMenu() {
    recent_->clear();
    const QStringList recent = QSettings().value(settings::kRecentImages).toStringList();
    ExplorerController* explorer = targets_.explorer;
    for (const QString& path : recent) {
        recent_
            ->addAction(QFileInfo(path).fileName(), explorer,
                        [explorer, path] { explorer->classifyFile(path); })
            ->setToolTip(path);
    }
    recent_->setEnabled(!recent.isEmpty());
}

void ShellMenus::exportWithDialog(const QString& title, const QString& name, const QString& filter,
                                  const std::function<QString(const QString&)>& save) {
    QString folder = QSettings().value(settings::kExportDirectory).toString();
    if (folder.isEmpty()) {
        folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    }
    const QString path = QFileDialog::getSaveFileName(window_, title, folder + '/' + name, filter);
    if (!path.isEmpty() && save(path).isEmpty()) {
        QSettings().setValue(settings::kExportDirectory, QFileInfo(path).absolutePath());
        targets_.messages->showInfo(tr("Saved %1").arg(path));
    }
}

}  // namespace reslens
