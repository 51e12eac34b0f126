#include "widgets/shell/MainWindow.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "widgets/explorer/BlockListWidget.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/explorer/FeatureMapPanel.h"
#include "widgets/explorer/InputPanel.h"
#include "widgets/explorer/MagnitudeChart.h"
#include "widgets/explorer/ParameterTable.h"
#include "widgets/instruments/InstrumentsPage.h"
#include "widgets/lab/TrainingLabPanel.h"
#include "widgets/lessons/LessonDirector.h"
#include "widgets/lessons/LessonGuide.h"
#include "widgets/lessons/LessonsPage.h"
#include "widgets/live/LiveBar.h"
#include "widgets/live/LiveController.h"
#include "widgets/shell/DockLayout.h"
#include "widgets/shell/MainToolbar.h"
#include "widgets/shell/MessageBar.h"
#include "widgets/shell/ModelOpener.h"
#include "widgets/shell/PresenterMode.h"
#include "widgets/shell/SettingsKeys.h"
#include "widgets/shell/SettingsRepair.h"
#include "widgets/shell/SettingsValues.h"
#include "widgets/shell/ShellMenus.h"
#include "widgets/shell/Workbench.h"
#include "widgets/studies/LandscapeView.h"
#include "widgets/studies/LesionView.h"
#include "widgets/studies/ResponseView.h"

namespace reslens {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      settingsRepair_(std::make_unique<SettingsRepair>()),
      messages_(new MessageBar),
      tabs_(new QTabWidget(this)),
      explorer_(new ExplorerController(this)),
      live_(new LiveController(explorer_, this)),
      lab_(new TrainingLabPanel),
      lesion_(new LesionView),
      responses_(new ResponseView),
      landscape_(new LandscapeView),
      instruments_(new InstrumentsPage),
      lessonsPage_(new LessonsPage),
      docks_(std::make_unique<DockLayout>(this)),
      workbench_(std::make_unique<Workbench>(WorkbenchParts{
          explorer_, lab_, lesion_, responses_, landscape_, instruments_, live_, lessonsPage_,
          tabs_, docks_.get(), [this](const QString& message) { showError(message); }})),
      lessons_(new LessonDirector(*workbench_, this)),
      opener_(new ModelOpener(this, explorer_)),
      toolbar_(new MainToolbar(explorer_, *workbench_, messages_, this)),
      modelLabel_(new QLabel(this)),
      timingLabel_(new QLabel(this)) {
    setWindowTitle(tr("ResLens"));
    setAcceptDrops(true);
    resize(1500, 950);
    buildPages();
    buildDocks();
    addToolBar(toolbar_);
    menus_ = new ShellMenus(this, {explorer_, live_, opener_, lab_, workbench_.get(), lessons_,
                                   docks_.get(), messages_, toolbar_});
    statusBar()->addWidget(modelLabel_, 1);
    statusBar()->addPermanentWidget(timingLabel_);
    connectExplorer();
    restoreSettings();
    // A lesson's guide never comes back by itself: the lesson it showed is over.
    docks_->hide(Dock::Lesson);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPages() {
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(messages_);
    tabs_->addTab(lessonsPage_, tr("Lessons"));
    tabs_->addTab(explorer_->panels().features, tr("Feature maps"));
    tabs_->addTab(lab_, tr("Training lab"));
    tabs_->addTab(lesion_, tr("Lesion study"));
    tabs_->addTab(responses_, tr("Responses"));
    tabs_->addTab(landscape_, tr("Loss landscape"));
    tabs_->addTab(instruments_, tr("Instruments"));
    tabs_->setCurrentWidget(explorer_->panels().features);
    tabs_->setDocumentMode(true);
    layout->addWidget(tabs_, 1);
    setCentralWidget(central);
    // The feature maps need the explorer's docks: back to them, a lesson's room is given back.
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        if (workbench_->currentPage() == Page::Explorer) {
            docks_->setExplorerShown(true);
        }
    });
    connect(lab_, &TrainingLabPanel::errorOccurred, this, &MainWindow::showError);
    connect(lesion_, &LesionView::errorOccurred, this, &MainWindow::showError);
    connect(responses_, &ResponseView::errorOccurred, this, &MainWindow::showError);
    connect(landscape_, &LandscapeView::errorOccurred, this, &MainWindow::showError);
    connect(instruments_, &InstrumentsPage::errorOccurred, this, &MainWindow::showError);
    connect(opener_, &ModelOpener::errorOccurred, this, &MainWindow::showError);
    connect(live_, &LiveController::errorOccurred, this, &MainWindow::showError);
    connect(live_, &LiveController::snapshotSaved, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Snapshot saved to %1").arg(path), 8000);
    });
    connect(lab_, &TrainingLabPanel::openInExplorer, this,
            [this](const QByteArray& bytes, const QString& title) {
                explorer_->openModel(ModelRequest::memory(
                    title.toStdString(), std::vector<char>(bytes.begin(), bytes.end())));
                showPage(Page::Explorer);
            });
    connect(lessonsPage_, &LessonsPage::lessonChosen, lessons_, &LessonDirector::start);
    lessonsPage_->setEstimate(
        [director = lessons_](LessonId lesson) { return director->estimatedSeconds(lesson); });
}

void MainWindow::buildDocks() {
    const ExplorerPanels& panels = explorer_->panels();
    panels.input->addUnderImage(live_->bar());
    docks_->add(Dock::Input, tr("Input"), panels.input);
    docks_->add(Dock::Predictions, tr("Predictions"), panels.predictions);
    auto* navigator = new QWidget;
    auto* navigatorLayout = new QVBoxLayout(navigator);
    navigatorLayout->setContentsMargins(0, 0, 0, 0);
    navigatorLayout->addWidget(panels.blocks);
    docks_->add(Dock::Blocks, tr("Blocks"), navigator);
    docks_->add(Dock::Magnitudes, tr("Magnitudes"), panels.magnitudes);
    docks_->add(Dock::Parameters, tr("Parameters"), panels.parameters);
    docks_->add(Dock::Lesson, tr("Lesson"), new LessonGuide(lessons_));
    docks_->arrange();
    connect(lessons_, &LessonDirector::started, this, [this] { docks_->show(Dock::Lesson); });
    connect(lessons_, &LessonDirector::ended, this, [this] {
        docks_->hide(Dock::Lesson);
        docks_->setExplorerShown(true);
        docks_->show(Dock::Input);
    });
}

void MainWindow::connectExplorer() {
    connect(explorer_, &ExplorerController::modelChanged, this, &MainWindow::onModelChanged);
    connect(explorer_, &ExplorerController::errorOccurred, this, &MainWindow::showError);
    connect(explorer_, &ExplorerController::deviceChanged, this, &MainWindow::onDeviceChanged);
    connect(explorer_, &ExplorerController::deviceFailed, toolbar_, &MainToolbar::resetDevice);
    connect(explorer_, &ExplorerController::statusChanged, this, [this](const QString& message) {
        if (message.isEmpty()) {
            statusBar()->clearMessage();
        } else {
            statusBar()->showMessage(message);
        }
    });
    connect(explorer_, &ExplorerController::timingChanged, timingLabel_, &QLabel::setText);
    // An earlier error was about an earlier image.
    connect(explorer_, &ExplorerController::predictionsShown, messages_, &MessageBar::dismiss);
    connect(explorer_, &ExplorerController::imageFileShown, menus_, &ShellMenus::rememberImage);
    connect(explorer_, &ExplorerController::imageFileShown, instruments_,
            &InstrumentsPage::setExplorerImage);
    connect(explorer_, &ExplorerController::modelFileDropped, opener_, &ModelOpener::openModelFile);
    connect(explorer_, &ExplorerController::openImageRequested, menus_, &ShellMenus::chooseImage);
}

void MainWindow::onModelChanged(const ModelView& view) {
    // Every column in full (the multiply-adds and bypass columns are the last): the block
    // dock widens to the list's columns when a model's names or counts need more room.
    docks_->widen(Dock::Blocks, explorer_->panels().blocks->widthForAllColumns());
    lab_->setLoadedArchitecture(view.summary.config);
    lesion_->setModel(view.request, view.title, int(view.labels.size()));
    responses_->setModel(view.request, view.title);
    landscape_->setModel(view.request, view.title);
    instruments_->setModel(view.request, view.title);
    setWindowTitle(tr("ResLens — %1").arg(view.title));
    modelLabel_->setText(
        tr("%1 · %2 · %3 classes").arg(view.title, view.preprocessing).arg(view.labels.size()));
    modelLabel_->setToolTip(view.provenance);
    rememberModel(view.request);
}

void MainWindow::onDeviceChanged(const QString& device) {
    // A run in progress keeps the device it started on; the next one uses the new one.
    messages_->showInfo(workbench_->runInProgress()
                            ? tr("Running on %1 from the next request; the run in progress "
                                 "stays where it started.")
                                  .arg(device)
                            : tr("Running on %1").arg(device));
    lab_->setDevice(device);
    lesion_->setDevice(device);
    landscape_->setDevice(device);
    instruments_->setDevice(device);
    QSettings().setValue(settings::kDevice, device);
}

QString MainWindow::start(const StartupOptions& options) {
    QSettings settings;
    toolbar_->restore(
        options.threads > 0 ? options.threads : settings.value(settings::kThreads, 0).toInt(),
        options.device.isEmpty() ? settings.value(settings::kDevice, "cpu").toString()
                                 : options.device);
    PresenterMode* presenter = menus_->presenter();
    if (options.presenterScale > 0) {
        presenter->setScalePercent(options.presenterScale);
    }
    if (options.presenter) {
        presenter->setActive(true);
    }
    auto* script = new StartupScript(options, *workbench_, *lessons_, this);
    connect(script, &StartupScript::finished, this, &MainWindow::scriptFinished);
    if (const QString error = script->arrange(); !error.isEmpty()) {
        return error;
    }
    if (!options.asksForAView() && !settings.value(settings::kStartPageShown).toBool()) {
        // The very first start, with no view asked for: the lessons are where to begin.
        settings.setValue(settings::kStartPageShown, true);
        showPage(Page::Lessons);
    }
    explorer_->openFirstModel(
        options.model.value_or(rememberedModel().value_or(ModelRequest::shipped("default"))),
        options.image);
    if (const QString damaged = settingsRepair_->message(); !damaged.isEmpty()) {
        showError(damaged);
    }
    return QString();
}

void MainWindow::showPage(Page page) {
    workbench_->showPage(page);
}

void MainWindow::showError(const QString& message) {
    messages_->showError(message);
    Q_EMIT errorShown(message);
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(settings::kWindowGeometry).toByteArray()) &&
        settings.contains(settings::kWindowGeometry)) {
        settingsRepair_->markDamaged(settings::kWindowGeometry, tr("window layout"));
    }
    if (!restoreState(settings.value(settings::kWindowState).toByteArray())) {
        if (settings.contains(settings::kWindowState)) {
            settingsRepair_->markDamaged(settings::kWindowState, tr("window layout"));
        }
        // resizeDocks() only takes once the window has its size: right after it is shown.
        QTimer::singleShot(0, this, [this] { docks_->applyDefaultSizes(); });
    }
    explorer_->restoreFeatureOptions(settings.value(settings::kFeatures).toMap());
    menus_->presenter()->restore();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(settings::kWindowGeometry, saveGeometry());
    settings.setValue(settings::kWindowState, menus_->presenter()->windowState());
    settings.setValue(settings::kFeatures, explorer_->featureOptions());
    settings.setValue(settings::kThreads, toolbar_->threads());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    if (explorer_->takeMimeData(event->mimeData())) {
        event->acceptProposedAction();
    }
}

}  // namespace reslens
