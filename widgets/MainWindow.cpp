#include "widgets/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

#include "app/core/ComputeThreads.h"
#include "app/core/ModelFileKind.h"
#include "app/core/ShippedModels.h"
#include "model/runtime/InputError.h"
#include "widgets/BlockListWidget.h"
#include "widgets/BypassBar.h"
#include "widgets/DropZone.h"
#include "widgets/Export.h"
#include "widgets/FeatureMapPanel.h"
#include "widgets/ImportDialog.h"
#include "widgets/InferenceWorker.h"
#include "widgets/InputPanel.h"
#include "widgets/LandscapeView.h"
#include "widgets/LesionView.h"
#include "widgets/LessonDirector.h"
#include "widgets/LessonGuide.h"
#include "widgets/LessonsPage.h"
#include "widgets/MagnitudeChart.h"
#include "widgets/MessageBar.h"
#include "widgets/NewNetworkDialog.h"
#include "widgets/ParameterTable.h"
#include "widgets/PredictionBars.h"
#include "widgets/PresenterMode.h"
#include "widgets/ResponseView.h"
#include "widgets/SettingsKeys.h"
#include "widgets/SettingsValues.h"
#include "widgets/TrainingLabPanel.h"
#include "widgets/Translations.h"

namespace reslens {
namespace {

constexpr int kRecentImages = 8;
const char* const kImageFilter =
    "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff *.pgm *.ppm *.pnm);;All files (*)";

QDockWidget* makeDock(const QString& title, const QString& objectName, QWidget* content,
                      QWidget* parent) {
    auto* dock = new QDockWidget(title, parent);
    dock->setObjectName(objectName);  // saveState() needs it
    dock->setWidget(content);
    return dock;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      worker_(new InferenceWorker),
      input_(new InputPanel),
      predictions_(new PredictionBars),
      blocks_(new BlockListWidget),
      bypassBar_(new BypassBar),
      features_(new FeatureMapPanel),
      magnitudes_(new MagnitudeChart),
      parameters_(new ParameterTable),
      messages_(new MessageBar),
      lab_(new TrainingLabPanel),
      lesion_(new LesionView),
      responses_(new ResponseView),
      landscape_(new LandscapeView),
      lessonsPage_(new LessonsPage),
      tabs_(new QTabWidget(this)),
      device_(new QComboBox(this)),
      threads_(new QSpinBox(this)),
      modelLabel_(new QLabel(this)),
      timingLabel_(new QLabel(this)) {
    qRegisterMetaType<ModelRequest>();
    qRegisterMetaType<ModelView>();
    qRegisterMetaType<ClassificationView>();
    qRegisterMetaType<FeatureRequest>();
    qRegisterMetaType<FeatureView>();
    qRegisterMetaType<CamTrace>();

    setWindowTitle(tr("ResLens"));
    setAcceptDrops(true);
    resize(1500, 950);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(messages_);
    tabs_->addTab(lessonsPage_, tr("Lessons"));
    tabs_->addTab(features_, tr("Feature maps"));
    tabs_->addTab(lab_, tr("Training lab"));
    tabs_->addTab(lesion_, tr("Lesion study"));
    tabs_->addTab(responses_, tr("Responses"));
    tabs_->addTab(landscape_, tr("Loss landscape"));
    connect(landscape_, &LandscapeView::errorOccurred, this, &MainWindow::showError);
    connect(responses_, &ResponseView::errorOccurred, this, &MainWindow::showError);
    connect(lesion_, &LesionView::errorOccurred, this, &MainWindow::showError);
    tabs_->setCurrentWidget(features_);
    // The feature maps need the explorer's docks: back to them, a lesson's room is given back.
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        if (tabs_->currentWidget() == features_) {
            setExplorerDocksShown(true);
        }
    });
    tabs_->setDocumentMode(true);
    layout->addWidget(tabs_, 1);
    setCentralWidget(central);

    buildDocks();
    buildToolbar();
    buildActions();
    statusBar()->addWidget(modelLabel_, 1);
    statusBar()->addPermanentWidget(timingLabel_);

    worker_->moveToThread(&workerThread_);
    connect(&workerThread_, &QThread::finished, worker_, &QObject::deleteLater);
    workerThread_.setObjectName("inference");
    workerThread_.start();
    connectWorker();

    connect(input_, &InputPanel::imageFileChosen, this, &MainWindow::classifyFile);
    connect(input_, &InputPanel::imagePasted, this, &MainWindow::classifyPastedImage);
    connect(input_, &InputPanel::openRequested, this, &MainWindow::chooseImage);
    connect(input_, &InputPanel::cropToObjectToggled, this, &MainWindow::setCropToObject);
    connect(blocks_, &BlockListWidget::bypassToggled, this, &MainWindow::setBypass);
    connect(bypassBar_, &BypassBar::restoreRequested, this, [this] { setBypass({}); });
    {
        const bool crop = QSettings().value(settings::kCropToObject, true).toBool();
        input_->setCropToObject(crop);
        QMetaObject::invokeMethod(worker_, [w = worker_, crop] { w->setCropToObject(crop); });
    }
    connect(blocks_, &BlockListWidget::entrySelected, this, &MainWindow::onEntrySelected);
    connect(features_, &FeatureMapPanel::optionsChanged, this, &MainWindow::requestFeatures);
    connect(predictions_, &PredictionBars::classClicked, features_, &FeatureMapPanel::explainClass);
    connect(magnitudes_, &MagnitudeChart::blockClicked, this,
            [this](int block) { blocks_->selectEntry(block + 1); });
    connect(lab_, &TrainingLabPanel::errorOccurred, this, &MainWindow::showError);
    connect(lab_, &TrainingLabPanel::openInExplorer, this,
            [this](const QByteArray& bytes, const QString& title) {
                openModel(ModelRequest::memory(title.toStdString(),
                                               std::vector<char>(bytes.begin(), bytes.end())));
                showTrainingLab(false);
            });
    restoreSettings();
    // A lesson's guide never comes back by itself: the lesson it showed is over.
    findChild<QDockWidget*>("lessonDock")->hide();
}

MainWindow::~MainWindow() {
    // Let a running forward finish, then stop the thread; the worker deletes itself.
    workerThread_.quit();
    workerThread_.wait();
}

QObject* MainWindow::worker() const {
    return worker_;
}

void MainWindow::showLessonsPage() {
    tabs_->setCurrentWidget(lessonsPage_);
}

void MainWindow::setExplorerDocksShown(bool shown, const QString& keep) {
    if (shown) {
        for (QDockWidget* dock : std::as_const(hiddenForRoom_)) {
            dock->show();
        }
        hiddenForRoom_.clear();
        return;
    }
    for (QDockWidget* dock : std::as_const(explorerDocks_)) {
        if (dock->isVisible() && dock->objectName() != keep) {
            hiddenForRoom_ << dock;
            dock->hide();
        }
    }
}

void MainWindow::traceGradCam() {
    QMetaObject::invokeMethod(worker_, [w = worker_] { w->traceGradCam(-1); });
}

void MainWindow::buildLessons() {
    lessons_ = new LessonDirector(this);
    auto* guide = makeDock(tr("Lesson"), "lessonDock", new LessonGuide(lessons_), this);
    QDockWidget* input = findChild<QDockWidget*>("inputDock");
    tabifyDockWidget(input, guide);
    guide->hide();
    input->raise();
    connect(lessonsPage_, &LessonsPage::lessonChosen, lessons_, &LessonDirector::start);
    connect(lessons_, &LessonDirector::started, this, [guide] {
        guide->show();
        guide->raise();
    });
    connect(lessons_, &LessonDirector::ended, this, [this, guide, input] {
        guide->hide();
        setExplorerDocksShown(true);
        input->raise();
    });

    QMenu* menu = menuBar()->addMenu(tr("&Lessons"));
    QAction* page = menu->addAction(tr("Start page"), this, &MainWindow::showLessonsPage);
    page->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    menu->addSeparator();
    for (LessonId lesson : allLessons()) {
        QAction* action = menu->addAction(lessonText(lesson).title, lessons_,
                                          [this, lesson] { lessons_->start(lesson); });
        action->setToolTip(lessonText(lesson).summary);
    }
    menu->addSeparator();
    QAction* end = menu->addAction(tr("End lesson"), lessons_, &LessonDirector::end);
    connect(lessons_, &LessonDirector::started, end, [end] { end->setEnabled(true); });
    connect(lessons_, &LessonDirector::ended, end, [end] { end->setEnabled(false); });
    end->setEnabled(false);
}

bool MainWindow::runInProgress() const {
    return lab_->running() || lesion_->running() || landscape_->running();
}

void MainWindow::showLandscape() {
    tabs_->setCurrentWidget(landscape_);
}

void MainWindow::showLesionStudy() {
    tabs_->setCurrentWidget(lesion_);
}

void MainWindow::showTrainingLab(bool show) {
    tabs_->setCurrentWidget(show ? static_cast<QWidget*>(lab_) : features_);
}

void MainWindow::buildDocks() {
    auto* left = makeDock(tr("Input"), "inputDock", input_, this);
    auto* predictionsBox = new QWidget;
    auto* predictionsLayout = new QVBoxLayout(predictionsBox);
    predictionsLayout->addWidget(bypassBar_);
    predictionsLayout->addWidget(predictions_);
    predictionsLayout->addStretch();
    auto* top = makeDock(tr("Predictions"), "predictionsDock", predictionsBox, this);

    auto* navigatorBox = new QWidget;
    auto* navigatorLayout = new QVBoxLayout(navigatorBox);
    navigatorLayout->setContentsMargins(0, 0, 0, 0);
    navigatorLayout->addWidget(blocks_);
    auto* navigator = makeDock(tr("Blocks"), "blocksDock", navigatorBox, this);
    auto* magnitudes = makeDock(tr("Magnitudes"), "magnitudesDock", magnitudes_, this);
    auto* parameters = makeDock(tr("Parameters"), "parametersDock", parameters_, this);

    // The input column runs the full height; the magnitudes sit under the feature maps.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, left);
    addDockWidget(Qt::LeftDockWidgetArea, top);
    addDockWidget(Qt::RightDockWidgetArea, navigator);
    addDockWidget(Qt::BottomDockWidgetArea, magnitudes);
    addDockWidget(Qt::BottomDockWidgetArea, parameters);
    tabifyDockWidget(magnitudes, parameters);
    magnitudes->raise();
    defaultDockSizes_ = [this, left, navigator, magnitudes] {
        resizeDocks({left, navigator}, {240, 500}, Qt::Horizontal);
        resizeDocks({magnitudes}, {300}, Qt::Vertical);
    };

    explorerDocks_ = {left, top, navigator, magnitudes, parameters};
    viewMenu_ = new QMenu(tr("&View"), this);
    for (QDockWidget* dock : std::as_const(explorerDocks_)) {
        viewMenu_->addAction(dock->toggleViewAction());
    }
}

void MainWindow::buildToolbar() {
    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName("mainToolbar");
    QAction* previous = toolbar->addAction(tr("◀ Previous block"));
    previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    previous->setToolTip(tr("Previous block (Alt+Up; Up/PgUp in the block list)"));
    connect(previous, &QAction::triggered, blocks_, [this] { blocks_->stepEntry(-1); });
    QAction* next = toolbar->addAction(tr("Next block ▶"));
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    next->setToolTip(tr("Next block (Alt+Down; Down/PgDn in the block list)"));
    connect(next, &QAction::triggered, blocks_, [this] { blocks_->stepEntry(1); });
    toolbar->addSeparator();

    toolbar->addWidget(new QLabel(tr(" Device: "), this));
    QString whyNoCuda;
    for (const QString& name : InferenceWorker::devices(&whyNoCuda)) {
        device_->addItem(name, name);
    }
    if (!whyNoCuda.isEmpty()) {
        device_->addItem(tr("CUDA (unavailable)"), QString());
        auto* model = qobject_cast<QStandardItemModel*>(device_->model());
        QStandardItem* item = model->item(device_->count() - 1);
        item->setEnabled(false);
        item->setToolTip(whyNoCuda);
        device_->setToolTip(tr("CUDA: %1").arg(whyNoCuda));
    }
    toolbar->addWidget(device_);
    toolbar->addWidget(new QLabel(tr(" CPU threads: "), this));
    threads_->setObjectName("threads");
    device_->setObjectName("device");
    threads_->setRange(1, std::max(1, QThread::idealThreadCount()));
    threads_->setValue(std::max(1, QThread::idealThreadCount()));
    threads_->setToolTip(
        tr("Threads LibTorch uses on the CPU. While the training lab runs, a change waits "
           "and applies after its run."));
    toolbar->addWidget(threads_);

    connect(device_, &QComboBox::activated, this, [this] {
        const QString name = device_->currentData().toString();
        if (!name.isEmpty()) {
            QMetaObject::invokeMethod(worker_, [w = worker_, name] { w->setDevice(name); });
        }
    });
    connect(threads_, &QSpinBox::valueChanged, this, [this](int n) {
        ComputeThreads::request(n);  // applies once no thread is inside LibTorch
        if (runInProgress()) {
            messages_->showInfo(
                tr("%n thread(s) from the next run on: the run in progress "
                   "keeps its threads.",
                   nullptr, n));
        }
    });
}

void MainWindow::buildActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open image…"), this, &MainWindow::chooseImage);
    open->setShortcut(QKeySequence::Open);
    QAction* paste = file->addAction(tr("&Paste image"), this, &MainWindow::pasteImage);
    paste->setShortcut(QKeySequence::Paste);
    recentMenu_ = file->addMenu(tr("Recent images"));
    file->addSeparator();
    QAction* openModelAction =
        file->addAction(tr("Open &model file…"), this, &MainWindow::chooseModelFile);
    openModelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QAction* import =
        file->addAction(tr("&Import your own ResNet…"), this, &MainWindow::chooseImport);
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction* fresh = file->addAction(tr("&New network with fresh weights…"), this,
                                     &MainWindow::buildFreshNetwork);
    fresh->setShortcut(QKeySequence::New);
    QMenu* shipped = file->addMenu(tr("Shipped models"));
    for (const ShippedModel& model : shippedModels()) {
        shipped->addAction(QString::fromStdString(model.name + ": " + model.description), this,
                           [this, name = model.name] { openModel(ModelRequest::shipped(name)); });
    }
    file->addSeparator();
    QMenu* exportMenu = file->addMenu(tr("&Export"));
    QAction* grid = exportMenu->addAction(tr("Feature grid or Grad-CAM as PNG…"), this,
                                          &MainWindow::saveFeatureGridAs);
    grid->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportMenu->addAction(tr("Magnitude chart as PNG or SVG…"), this, &MainWindow::saveChartAs);
    QAction* stats = exportMenu->addAction(tr("Statistics as CSV or JSON…"), this,
                                           &MainWindow::saveStatisticsAs);
    stats->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addSeparator();
    QAction* openRun = file->addAction(tr("Open lab &run…"), this, [this] {
        showTrainingLab(true);
        lab_->openRunFile();
    });
    openRun->setToolTip(tr("A saved training-lab run, or a reslens-cli compare folder"));
    file->addAction(tr("Save lab r&un…"), this, [this] {
        showTrainingLab(true);
        lab_->saveRunAs();
    });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    menuBar()->addMenu(viewMenu_);
    QMenu* view = viewMenu_;
    view->addSeparator();
    const std::pair<TensorKind, QString> kinds[] = {{TensorKind::Input, tr("Input x")},
                                                    {TensorKind::Residual, tr("Residual F(x)")},
                                                    {TensorKind::Shortcut, tr("Shortcut")},
                                                    {TensorKind::Output, tr("Output")}};
    int key = Qt::Key_1;
    for (const auto& [kind, label] : kinds) {
        QAction* action = view->addAction(tr("Show %1").arg(label), this,
                                          [this, k = kind] { features_->setTensorKind(k); });
        action->setShortcut(QKeySequence(Qt::CTRL | key++));
    }
    QAction* gradCam =
        view->addAction(tr("Show Grad-CAM"), features_, &FeatureMapPanel::showGradCam);
    gradCam->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    QAction* explorer =
        view->addAction(tr("Feature maps"), this, [this] { showTrainingLab(false); });
    explorer->setShortcut(QKeySequence(Qt::Key_F2));
    QAction* lab = view->addAction(tr("Training lab"), this, [this] { showTrainingLab(true); });
    lab->setShortcut(QKeySequence(Qt::Key_F3));
    QAction* dismiss = view->addAction(tr("Dismiss message"), messages_, &MessageBar::dismiss);
    dismiss->setShortcut(QKeySequence(Qt::Key_Escape));
    view->addSeparator();
    presenter_ = new PresenterMode(
        this, {findChild<QToolBar*>("mainToolbar"), findChild<QDockWidget*>("parametersDock")},
        view);
    Translations::addMenu(view, this);

    buildLessons();  // its menu goes before Help
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard"), this, [this] {
        QMessageBox::information(
            this, tr("Keyboard"),
            tr("Up/Down or Left/Right in the block list: previous/next block\n"
               "PgUp/PgDn: previous/next stage · Home/End: stem/classifier\n"
               "Alt+Up/Alt+Down: previous/next block from anywhere\n"
               "Ctrl+1…4: input, F(x), shortcut, output · Ctrl+5: Grad-CAM\n"
               "Click a prediction: Grad-CAM for that class\n"
               "Ctrl+O: open image · Ctrl+V: paste image · Ctrl+Shift+O: open model\n"
               "Ctrl+I: import your own ResNet · Ctrl+N: new network\n"
               "Ctrl+E: export feature grid · Ctrl+Shift+E: export statistics\n"
               "Ctrl+wheel over the grid: zoom"));
    });
}

void MainWindow::connectWorker() {
    connect(worker_, &InferenceWorker::modelLoaded, this, &MainWindow::onModelLoaded);
    connect(worker_, &InferenceWorker::modelFailed, this, [this](const QString& message) {
        showError(tr("Cannot open the model: %1").arg(message));
        if (!modelReady_ && pendingModel_.kind != ModelKind::Shipped) {
            // Nothing usable yet (a remembered file vanished): fall back to the default.
            openModel(ModelRequest::shipped("default"));
        }
    });
    connect(worker_, &InferenceWorker::classified, this, &MainWindow::onClassified);
    connect(worker_, &InferenceWorker::classificationFailed, this,
            &MainWindow::onClassificationFailed);
    connect(worker_, &InferenceWorker::featuresRendered, this, &MainWindow::onFeaturesRendered);
    connect(worker_, &InferenceWorker::deviceChanged, this, [this](const QString& name) {
        // A run in progress keeps the device it started on; the next one uses the new one.
        messages_->showInfo(runInProgress() ? tr("Running on %1 from the next request; the run in "
                                                 "progress stays where it started.")
                                                  .arg(name)
                                            : tr("Running on %1").arg(name));
        lab_->setDevice(name);
        lesion_->setDevice(name);
        landscape_->setDevice(name);
        QSettings().setValue(settings::kDevice, name);
        if (!lastImagePath_.isEmpty()) {
            classifyFile(lastImagePath_);
        }
    });
    connect(worker_, &InferenceWorker::bypassChanged, this, [this](const QStringList& blocks) {
        blocks_->showBypassed(blocks);
        bypassBar_->showBypassed(blocks);
        reclassifyCurrent();
    });
    connect(worker_, &InferenceWorker::bypassFailed, this, [this](const QString& message) {
        showError(tr("Cannot bypass: %1").arg(message));
        blocks_->showBypassed({});
        bypassBar_->showBypassed({});
        setBypass({});
    });
    connect(worker_, &InferenceWorker::gradCamTraced, this, &MainWindow::gradCamTraced);
    connect(worker_, &InferenceWorker::traceFailed, this, [this](const QString& message) {
        showError(tr("Cannot trace Grad-CAM: %1").arg(message));
    });
    connect(worker_, &InferenceWorker::deviceFailed, this, [this](const QString& message) {
        showError(tr("Cannot use that device: %1").arg(message));
        device_->setCurrentIndex(0);
    });
}

void MainWindow::start(const StartupOptions& options) {
    QSettings settings;
    int threads =
        options.threads > 0 ? options.threads : settings.value(settings::kThreads, 0).toInt();
    if (threads > 0) {
        threads_->setValue(std::min(threads, threads_->maximum()));
    }
    ComputeThreads::request(threads_->value());
    const QString device = options.device.isEmpty()
                               ? settings.value(settings::kDevice, "cpu").toString()
                               : options.device;
    if (device != "cpu") {
        const int index = device_->findData(device);
        if (index >= 0) {
            device_->setCurrentIndex(index);
        }
        QMetaObject::invokeMethod(worker_, [w = worker_, device] { w->setDevice(device); });
    }

    startupImage_ = options.image.isEmpty() ? input_->firstSample() : options.image;
    ModelRequest request = ModelRequest::shipped("default");
    if (options.model) {
        request = *options.model;
    } else if (settings.contains(settings::kModelLocation)) {
        const std::optional<ModelKind> kind =
            modelKindFromSetting(settings.value(settings::kModelKind));
        const QString location = settings.value(settings::kModelLocation).toString();
        if (kind == ModelKind::Shipped && findShippedModel(location.toStdString())) {
            request = ModelRequest::shipped(location.toStdString());
        } else if (kind == ModelKind::File && QFileInfo::exists(location)) {
            request = ModelRequest::file(location.toStdString());
        } else if (kind == ModelKind::TorchScript && QFileInfo::exists(location)) {
            request = ModelRequest::torchScript(location.toStdString());
            applyImportStateText(request,
                                 settings.value(settings::kModelImport).toString().toStdString());
        }
    }
    openModel(request);
}

void MainWindow::openModel(const ModelRequest& request) {
    pendingModel_ = request;
    statusBar()->showMessage(tr("Opening %1…").arg(QString::fromStdString(request.location)));
    QMetaObject::invokeMethod(worker_, [w = worker_, request] { w->loadModel(request); });
}

void MainWindow::onModelLoaded(const ModelView& view) {
    const int entry = blocks_->currentEntry();
    const bool sameArchitecture =
        modelReady_ && model_.summary.config.arch == view.summary.config.arch;
    model_ = view;
    modelReady_ = true;
    blocks_->showSummary(view.summary);
    // Every column in full (the multiply-adds and bypass columns are the last): the block
    // dock widens to the list's columns when a model's names or counts need more room.
    const int columns = blocks_->widthForAllColumns();
    if (QDockWidget* dock = findChild<QDockWidget*>("blocksDock");
        dock && dock->isVisible() && dock->width() < columns) {
        resizeDocks({dock}, {columns}, Qt::Horizontal);
    }
    parameters_->setSummary(view.summary);
    lab_->setLoadedArchitecture(view.summary.config);
    magnitudes_->setMagnitudes({});
    predictions_->setPredictions({});
    classification_ = ClassificationView();
    setWindowTitle(tr("ResLens — %1").arg(view.title));
    modelLabel_->setText(
        tr("%1 · %2 · %3 classes").arg(view.title, view.preprocessing).arg(view.labels.size()));
    modelLabel_->setToolTip(view.provenance);
    input_->setCropToObjectAvailable(view.cropsToObject);
    bypassBar_->showBypassed({});  // a new network: every block as trained
    lesion_->setModel(view.request, view.title, int(view.labels.size()));
    responses_->setModel(view.request, view.title);
    landscape_->setModel(view.request, view.title);
    features_->setClassLabels(view.labels);
    statusBar()->clearMessage();
    if (view.request.kind != ModelKind::Fresh && view.request.kind != ModelKind::Memory) {
        QSettings settings;
        settings.setValue(settings::kModelKind, settingFor(view.request.kind));
        settings.setValue(settings::kModelLocation, QString::fromStdString(view.request.location));
        settings.setValue(settings::kModelImport,
                          QString::fromStdString(importStateText(view.request)));
    }
    blocks_->selectEntry(sameArchitecture && entry >= 0 ? entry : 1);
    Q_EMIT modelShown(view.title);

    const QString image = !startupDone_ ? startupImage_ : lastImagePath_;
    startupDone_ = true;
    if (!image.isEmpty()) {
        classifyFile(image);
    } else {
        requestFeatures();
    }
}

void MainWindow::classifyFile(const QString& path) {
    if (path.isEmpty()) {
        return;
    }
    if (hasModelFileSuffix(path.toStdString())) {  // a dropped model or checkpoint
        openModelFile(path);
        return;
    }
    const int id = ++classificationId_;
    worker_->supersedeClassifications(id);
    statusBar()->showMessage(tr("Classifying %1…").arg(QFileInfo(path).fileName()));
    QMetaObject::invokeMethod(worker_, [w = worker_, id, path] { w->classifyFile(id, path); });
    pendingPaths_.insert(id, path);
}

void MainWindow::setCropToObject(bool enabled) {
    QSettings().setValue(settings::kCropToObject, enabled);
    QMetaObject::invokeMethod(worker_, [w = worker_, enabled] { w->setCropToObject(enabled); });
    reclassifyCurrent();
}

QString MainWindow::bypassText() const {
    return bypassBar_->text();
}

void MainWindow::setBypass(const QStringList& blocks) {
    QMetaObject::invokeMethod(worker_, [w = worker_, blocks] { w->setBypassed(blocks); });
}

void MainWindow::reclassifyCurrent() {
    // The image on screen, classified again: a toggle shows its difference at once.
    if (classification_.source == tr("pasted image") && !lastPastedImage_.isNull()) {
        classifyPastedImage(lastPastedImage_);
    } else {
        classifyFile(lastImagePath_);
    }
}

void MainWindow::classifyPastedImage(const QImage& image) {
    lastPastedImage_ = image;
    const int id = ++classificationId_;
    worker_->supersedeClassifications(id);
    statusBar()->showMessage(tr("Classifying the pasted image…"));
    QMetaObject::invokeMethod(
        worker_, [w = worker_, id, image] { w->classifyImage(id, image, tr("pasted image")); });
}

void MainWindow::onClassified(const ClassificationView& view) {
    if (view.requestId != classificationId_) {
        return;  // superseded by a newer drop
    }
    const QString path = pendingPaths_.take(view.requestId);
    pendingPaths_.clear();
    classification_ = view;
    if (!path.isEmpty()) {
        lastImagePath_ = path;
        if (!path.startsWith(':')) {
            rememberRecentImage(path);
        }
    }
    QString caption =
        tr("%1×%2 %3")
            .arg(view.networkInput.width())
            .arg(view.networkInput.height())
            .arg(view.networkInput.format() == QImage::Format_Grayscale8 ? tr("gray") : tr("RGB"));
    if (view.croppedToObject) {
        caption += tr(", cropped to the object");
    }
    if (view.inverted) {
        caption += tr(", inverted (light background)");
    }
    input_->showClassification(view, caption);
    predictions_->setPredictions(view.top);
    magnitudes_->setMagnitudes(view.blocks);
    features_->setNetworkInput(view.networkInput);
    statusBar()->clearMessage();
    timingLabel_->setText(tr("%1: %2 ms").arg(view.source).arg(view.milliseconds, 0, 'f', 1));
    messages_->dismiss();  // an earlier error was about an earlier image
    requestFeatures();
    Q_EMIT predictionsShown(view.requestId);
}

void MainWindow::onClassificationFailed(int requestId, const QString& message) {
    pendingPaths_.remove(requestId);
    if (requestId != classificationId_) {
        return;
    }
    statusBar()->clearMessage();
    showError(message);  // the previous image and prediction stay on screen
}

void MainWindow::showError(const QString& message) {
    messages_->showError(message);
    Q_EMIT errorShown(message);
}

void MainWindow::onEntrySelected(int entry) {
    parameters_->selectEntry(entry);
    const int block = entry - 1;
    const bool isBlock = block >= 0 && block < blocks_->blockCount();
    magnitudes_->setSelectedBlock(isBlock ? block : -1);
    features_->setTensorChoiceEnabled(isBlock);
    requestFeatures();
}

void MainWindow::requestFeatures() {
    if (!modelReady_) {
        return;
    }
    FeatureRequest request = features_->request(std::max(blocks_->currentEntry(), 0));
    request.requestId = ++featureId_;
    worker_->supersedeFeatures(request.requestId);
    QMetaObject::invokeMethod(worker_, [w = worker_, request] { w->renderFeatures(request); });
}

void MainWindow::onFeaturesRendered(const FeatureView& view) {
    if (view.request.requestId != featureId_) {
        return;
    }
    features_->setView(view);
    predictions_->setExplainedClass(view.explained ? view.explained->index : -1);
    Q_EMIT featureGridShown(view.request.entry);
}

void MainWindow::rememberRecentImage(const QString& path) {
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

void MainWindow::updateRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = QSettings().value(settings::kRecentImages).toStringList();
    for (const QString& path : recent) {
        recentMenu_
            ->addAction(QFileInfo(path).fileName(), this, [this, path] { classifyFile(path); })
            ->setToolTip(path);
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::restoreSettings() {
    QSettings settings;
    restoreGeometry(settings.value(settings::kWindowGeometry).toByteArray());
    if (!restoreState(settings.value(settings::kWindowState).toByteArray())) {
        // resizeDocks() only takes once the window has its size: right after it is shown.
        QTimer::singleShot(0, this, [this] { defaultDockSizes_(); });
    }
    features_->restoreOptions(settings.value(settings::kFeatures).toMap());
    updateRecentMenu();
    presenter_->restore();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(settings::kWindowGeometry, saveGeometry());
    settings.setValue(settings::kWindowState, presenter_->windowState());
    settings.setValue(settings::kFeatures, features_->options());
    settings.setValue(settings::kThreads, threads_->value());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    if (input_->dropZone()->takeMimeData(event->mimeData())) {
        event->acceptProposedAction();
    }
}

void MainWindow::pasteImage() {
    if (!input_->dropZone()->takeMimeData(QApplication::clipboard()->mimeData())) {
        showError(tr("The clipboard holds no image."));
    }
}

QString MainWindow::exportDirectory() const {
    const QString saved = QSettings().value(settings::kExportDirectory).toString();
    return saved.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)
                           : saved;
}

void MainWindow::chooseImage() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open image"), QSettings().value(settings::kImageDirectory).toString(),
        tr(kImageFilter));
    if (!path.isEmpty()) {
        QSettings().setValue(settings::kImageDirectory, QFileInfo(path).absolutePath());
        classifyFile(path);
    }
}

void MainWindow::chooseModelFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open ResLens model"), QString(),
                                                      tr("ResLens models (*.pt);;All files (*)"));
    if (!path.isEmpty()) {
        openModel(ModelRequest::file(path.toStdString()));
    }
}

bool MainWindow::confirmTorchScript() {
    // Loading a TorchScript module runs code from the file (docs/trust.md); a checkpoint or a
    // ResLens model file never does. Say so before it is read, until the user has read it.
    if (QSettings().value(settings::kTorchScriptWarningRead, false).toBool()) {
        return true;
    }
    QMessageBox warning(QMessageBox::Warning, tr("Import runs code from the file"),
                        tr("Importing a TorchScript file runs code stored in it."),
                        QMessageBox::Cancel, this);
    warning.setObjectName("torchScriptWarning");
    warning.setInformativeText(
        tr("TorchScript modules carry their own methods, and loading one runs some of them "
           "(its __setstate__). They run in LibTorch's interpreter, which cannot reach "
           "Python, but can use any amount of memory and time. Import only files you "
           "trust. A checkpoint saved with torch.save, a safetensors file and ResLens model "
           "files hold data only and run nothing."));
    QPushButton* import = warning.addButton(tr("Import"), QMessageBox::AcceptRole);
    auto* dontAsk = new QCheckBox(tr("Don't warn me again"));
    warning.setCheckBox(dontAsk);
    warning.exec();
    if (warning.clickedButton() != import) {
        return false;
    }
    QSettings().setValue(settings::kTorchScriptWarningRead, dontAsk->isChecked());
    return true;
}

void MainWindow::chooseImport() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import your own ResNet"), QString(),
        tr("PyTorch and safetensors files (*.pt *.pth *.th *.tar *.ckpt *.bin *.ts "
           "*.safetensors);;All files (*)"));
    if (!path.isEmpty()) {
        openModelFile(path);
    }
}

void MainWindow::openModelFile(const QString& path) {
    ModelFileKind kind = ModelFileKind::NotAModel;
    try {
        kind = modelFileKind(path.toStdString());
    } catch (const InputError& e) {
        showError(QString::fromStdString(e.what()));
        return;
    }
    switch (kind) {
        case ModelFileKind::ResLensModel:
            openModel(ModelRequest::file(path.toStdString()));
            return;
        case ModelFileKind::NotAModel:
            showError(tr("%1 is neither a ResLens model, a PyTorch checkpoint, a safetensors file "
                         "nor a TorchScript module.")
                          .arg(QFileInfo(path).fileName()));
            return;
        case ModelFileKind::TorchScript:
            if (!confirmTorchScript()) {
                return;
            }
            break;
        case ModelFileKind::Checkpoint:
            break;
    }
    ImportDialog dialog(path, this);
    if (!dialog.inspect()) {
        showError(dialog.error());
        return;
    }
    if (dialog.exec() == QDialog::Accepted) {
        openModel(dialog.request());
    }
}

void MainWindow::buildFreshNetwork() {
    NewNetworkDialog dialog(this);
    dialog.setArchitecture(QString::fromStdString(model_.summary.config.arch));
    if (dialog.exec() == QDialog::Accepted) {
        const ResNetConfig config = dialog.config();
        openModel(ModelRequest::fresh(config));
    }
}

QString MainWindow::exportFeatureGrid(const QString& path) {
    const QString error = saveImage(features_->view().grid, path);
    if (!error.isEmpty()) {
        showError(tr("Export failed: %1").arg(error));
    }
    return error;
}

QString MainWindow::exportMagnitudeChart(const QString& path) {
    const QString error = path.endsWith(".svg", Qt::CaseInsensitive)
                              ? saveWidgetSvg(magnitudes_, path, tr("ResLens magnitudes"))
                              : saveWidgetPng(magnitudes_, path);
    if (!error.isEmpty()) {
        showError(tr("Export failed: %1").arg(error));
    }
    return error;
}

QString MainWindow::exportStatistics(const QString& path) {
    StatisticsSnapshot snapshot{model_.title, classification_.source, model_.summary,
                                classification_.blocks, classification_.top};
    const QString error = path.endsWith(".json", Qt::CaseInsensitive)
                              ? saveStatisticsJson(snapshot, path)
                              : saveStatisticsCsv(snapshot, path);
    if (!error.isEmpty()) {
        showError(tr("Export failed: %1").arg(error));
    }
    return error;
}

void MainWindow::saveFeatureGridAs() {
    const bool cam = features_->gradCamShown();
    const QString path = QFileDialog::getSaveFileName(
        this, cam ? tr("Export Grad-CAM") : tr("Export feature grid"),
        exportDirectory() + (cam ? "/grad-cam.png" : "/features.png"), tr("PNG images (*.png)"));
    if (!path.isEmpty() && exportFeatureGrid(path).isEmpty()) {
        QSettings().setValue(settings::kExportDirectory, QFileInfo(path).absolutePath());
        messages_->showInfo(tr("Saved %1").arg(path));
    }
}

void MainWindow::saveChartAs() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export magnitude chart"), exportDirectory() + "/magnitudes.svg",
        tr("SVG drawings (*.svg);;PNG images (*.png)"));
    if (!path.isEmpty() && exportMagnitudeChart(path).isEmpty()) {
        QSettings().setValue(settings::kExportDirectory, QFileInfo(path).absolutePath());
        messages_->showInfo(tr("Saved %1").arg(path));
    }
}

void MainWindow::saveStatisticsAs() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export statistics"),
                                                      exportDirectory() + "/statistics.csv",
                                                      tr("CSV tables (*.csv);;JSON (*.json)"));
    if (!path.isEmpty() && exportStatistics(path).isEmpty()) {
        QSettings().setValue(settings::kExportDirectory, QFileInfo(path).absolutePath());
        messages_->showInfo(tr("Saved %1").arg(path));
    }
}

}  // namespace reslens
