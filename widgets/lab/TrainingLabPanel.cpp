#include "widgets/lab/TrainingLabPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

#include "widgets/common/Export.h"
#include "widgets/lab/DepthProfileChart.h"
#include "widgets/lab/GradientHistoryChart.h"
#include "widgets/lab/LabRunFile.h"
#include "widgets/lab/LossChart.h"
#include "widgets/lab/TrainingWorker.h"

namespace reslens {
namespace {

// The charts redraw at most 15 times a second in all, one chart per tick (loss, each run's
// gradient history, the depth profile), so each shows new steps about 4 times a second. A
// redraw of a chart costs about 4 ms of the window's thread whatever the run's length (its
// series are per-pixel-column aggregates); at 50 redraws a second that was a fifth of a
// core, taken from training on two cores (docs/benchmarks.md, *The training lab*).
constexpr int kRefreshMs = 67;
constexpr int kControlWidth = 340;  // at the font the panel was built with
constexpr int kDefaultBatch = 64;

// The linear scaling rule (Goyal et al. 2017) from He et al.'s 0.1 at batch 128.
double scaledLearningRate(int batch) {
    return 0.1 * batch / 128.0;
}

const char* const kLoaded = "loaded";

QString duration(double seconds) {
    const int s = int(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QChar('0'))
                           .arg(s % 60, 2, 10, QChar('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QChar('0'));
}

}  // namespace

TrainingLabPanel::TrainingLabPanel(QWidget* parent)
    : QWidget(parent),
      worker_(new TrainingWorker),
      arch_(new QComboBox(this)),
      data_(new QComboBox(this)),
      dataLabel_(new QLabel(this)),
      steps_(new QSpinBox(this)),
      batch_(new QSpinBox(this)),
      learningRate_(new QDoubleSpinBox(this)),
      seed_(new QSpinBox(this)),
      subset_(new QSpinBox(this)),
      batchNorm_(new QCheckBox(tr("Batch norm"), this)),
      compare_(new QCheckBox(tr("Compare with and without skip connections"), this)),
      firstStep_(new QCheckBox(tr("Keep step 1 on the depth chart"), this)),
      normKind_(new QComboBox(this)),
      start_(new QPushButton(tr("Start"), this)),
      pause_(new QPushButton(tr("Pause"), this)),
      stop_(new QPushButton(tr("Stop"), this)),
      progress_(new QProgressBar(this)),
      status_(new QLabel(this)),
      trainedRun_(new QComboBox(this)),
      open_(new QPushButton(tr("Open in explorer"), this)),
      save_(new QPushButton(tr("Save model…"), this)),
      saveRun_(new QPushButton(tr("Save run…"), this)),
      charts_(new QWidget(this)),
      loss_(new LossChart),
      depth_(new DepthProfileChart),
      skip_(new GradientHistoryChart),
      noskip_(new GradientHistoryChart) {
    qRegisterMetaType<RunStatus>();
    qRegisterMetaType<TrainingRequest>();
    qRegisterMetaType<TrainingPlan>();
    qRegisterMetaType<StepUpdate>();

    for (const char* arch : {"resnet20", "resnet56", "resnet110", "plain20", "plain56", "plain110",
                             "resnet32", "resnet44"}) {
        arch_->addItem(QString::fromLatin1(arch), QString::fromLatin1(arch));
    }
    arch_->setCurrentIndex(1);  // resnet56 vs plain56: the lecture's example
    arch_->setToolTip(tr("resnetN and plainN are the teaching cases (He et al. 2015, Fig. 6)"));
    data_->addItem(tr("Fashion-MNIST"), int(TrainingRequest::Data::FashionMnist));
    data_->addItem(tr("CIFAR-10 (choose its folder)…"), int(TrainingRequest::Data::Cifar10));
    data_->addItem(tr("Image folder (one sub-folder per class)…"),
                   int(TrainingRequest::Data::Folder));
    dataLabel_->setWordWrap(true);
    steps_->setRange(1, 1000000);
    batch_->setRange(1, 4096);
    learningRate_->setDecimals(4);
    learningRate_->setRange(0.0001, 1e9);  // absurd rates on purpose: divergence is a lesson
    learningRate_->setSingleStep(0.01);
    learningRate_->setToolTip(
        tr("Follows the batch size, 0.1 × batch / 128 (He et al. 2015's 0.1 at batch 128, "
           "scaled linearly as Goyal et al. 2017 do), until you set it yourself"));
    seed_->setRange(0, 1 << 30);
    subset_->setRange(0, 10000000);
    subset_->setSpecialValueText(tr("all"));
    subset_->setToolTip(tr("Train on the first N images only (fewer images load faster)"));
    batchNorm_->setToolTip(
        tr("Batch norm after every convolution, as He et al. 2015 train; untick it "
           "to see how both networks' gradients behave without it"));
    firstStep_->setChecked(true);
    firstStep_->setToolTip(
        tr("The gradient profile of the first step, dashed, beside the current one: where "
           "the plain network's gradients spread over the widest range"));
    normKind_->addItem(tr("parameter gradients"));
    normKind_->addItem(tr("gradients at block outputs"));
    normKind_->setToolTip(
        tr("Per block: the L2 norm over its parameters' gradients, or of the "
           "gradient arriving at its output"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    status_->setWordWrap(true);
    trainedRun_->setToolTip(tr("Which trained network to open or save"));

    auto* form = new QFormLayout;
    form->addRow(tr("Architecture:"), arch_);
    form->addRow(tr("Data:"), data_);
    form->addRow(QString(), dataLabel_);
    form->addRow(tr("Images:"), subset_);
    form->addRow(tr("Steps:"), steps_);
    form->addRow(tr("Batch size:"), batch_);
    form->addRow(tr("Learning rate:"), learningRate_);
    form->addRow(tr("Seed:"), seed_);
    // The check boxes span the form, label column included: their texts are long.
    form->addRow(batchNorm_);
    form->addRow(compare_);
    form->addRow(tr("Chart:"), normKind_);
    form->addRow(firstStep_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(start_);
    buttons->addWidget(pause_);
    buttons->addWidget(stop_);
    auto* trained = new QHBoxLayout;
    trained->addWidget(trainedRun_, 1);
    trained->addWidget(open_);
    trained->addWidget(save_);
    auto* exportCharts = new QPushButton(tr("Export charts…"), this);
    auto* exportCsv = new QPushButton(tr("Export CSV…"), this);
    auto* exports = new QHBoxLayout;
    exports->addWidget(exportCharts);
    exports->addWidget(exportCsv);
    auto* openRun = new QPushButton(tr("Open run…"), this);
    saveRun_->setToolTip(
        tr("Keep this run's charts (and, if you like, the trained networks) "
           "in one file, to show again without training"));
    openRun->setToolTip(tr("Show a saved run, or a reslens-cli compare folder, as it was"));
    auto* runFiles = new QHBoxLayout;
    runFiles->addWidget(saveRun_);
    runFiles->addWidget(openRun);

    auto* controls = new QVBoxLayout;
    controls->addLayout(form);
    controls->addLayout(buttons);
    controls->addWidget(progress_);
    controls->addWidget(status_);
    controls->addSpacing(8);
    controls->addWidget(new QLabel(tr("<b>Trained network</b>"), this));
    controls->addLayout(trained);
    controls->addLayout(exports);
    controls->addLayout(runFiles);
    controls->addStretch();
    controlBox_ = new QWidget;
    controlBox_->setLayout(controls);
    // The column scrolls when the window is too short for it (a 950-px window in Chinese,
    // whose fonts run taller), rather than making the whole window taller.
    controlScroll_ = new QScrollArea(this);
    controlScroll_->setWidget(controlBox_);
    controlScroll_->setWidgetResizable(true);
    controlScroll_->setFrameShape(QFrame::NoFrame);
    controlScroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    designLineHeight_ = fontMetrics().height();
    fitControlColumn();

    // Small enough that the lab fits beside the explorer's docks at the default 1500 px.
    for (QChartView* chart : std::initializer_list<QChartView*>{loss_, depth_, skip_, noskip_}) {
        chart->setMinimumSize(140, 160);
    }
    auto* grid = new QGridLayout(charts_);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(loss_, 0, 0);
    grid->addWidget(depth_, 0, 1);
    grid->addWidget(skip_, 1, 0);
    grid->addWidget(noskip_, 1, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(controlScroll_);
    layout->addWidget(charts_, 1);

    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.setObjectName("training");
    thread_.start();
    connect(worker_, &TrainingWorker::started, this, &TrainingLabPanel::onStarted);
    connect(worker_, &TrainingWorker::stepped, this, &TrainingLabPanel::onStepped);
    connect(worker_, &TrainingWorker::runEnded, this, &TrainingLabPanel::onRunEnded);
    connect(worker_, &TrainingWorker::failed, this, [this](const QString& message) {
        status_->setText(
            tr("<span style='color:#b00020'>Cannot train: %1</span>").arg(message.toHtmlEscaped()));
        Q_EMIT errorOccurred(message);
    });
    connect(worker_, &TrainingWorker::finished, this, &TrainingLabPanel::onFinished);

    // A chart whose width changed folds the whole history again, at its new resolution.
    connect(loss_, &LossChart::resampleNeeded, this, [this] {
        drawnLoss_.fill(0);
        refreshPhase(0);
    });
    for (int r = 0; r < 2; ++r) {
        connect(historyChart(r), &GradientHistoryChart::resampleNeeded, this, [this, r] {
            if (r < drawnHistory_.size()) {
                drawnHistory_[r] = 0;
                refreshPhase(1 + r);
            }
        });
    }
    refresh_.setInterval(kRefreshMs);
    connect(&refresh_, &QTimer::timeout, this, &TrainingLabPanel::refreshCharts);
    connect(start_, &QPushButton::clicked, this, &TrainingLabPanel::start);
    connect(pause_, &QPushButton::clicked, this, &TrainingLabPanel::togglePause);
    connect(stop_, &QPushButton::clicked, this, &TrainingLabPanel::stop);
    connect(open_, &QPushButton::clicked, this, &TrainingLabPanel::openRunInExplorer);
    connect(save_, &QPushButton::clicked, this, &TrainingLabPanel::saveModelAs);
    connect(saveRun_, &QPushButton::clicked, this, &TrainingLabPanel::saveRunAs);
    connect(openRun, &QPushButton::clicked, this, &TrainingLabPanel::openRunFile);
    connect(exportCharts, &QPushButton::clicked, this, &TrainingLabPanel::exportChartsAs);
    connect(exportCsv, &QPushButton::clicked, this, &TrainingLabPanel::exportCsvAs);
    connect(data_, &QComboBox::activated, this, &TrainingLabPanel::chooseDataDirectory);
    connect(normKind_, &QComboBox::currentIndexChanged, this, &TrainingLabPanel::redrawHistories);
    connect(compare_, &QCheckBox::toggled, noskip_, &QWidget::setVisible);
    // The rate follows the batch until the user types one of their own.
    connect(batch_, &QSpinBox::valueChanged, this, [this](int batch) {
        if (rateFollowsBatch_) {
            const QSignalBlocker quiet(learningRate_);
            learningRate_->setValue(scaledLearningRate(batch));
        }
    });
    connect(learningRate_, &QDoubleSpinBox::valueChanged, this,
            [this] { rateFollowsBatch_ = false; });
    connect(firstStep_, &QCheckBox::toggled, depth_, &DepthProfileChart::setFirstStepShown);
    useDefaultRecipe();
    updateButtons();
}

void TrainingLabPanel::fitControlColumn() {
    // A fixed width: the status line changes every update, and a control column that
    // followed its text would re-lay out (and fully repaint) all four charts each time. It
    // follows the font (presenter mode scales it) and is never narrower than its contents.
    const int scaled = designLineHeight_ > 0
                           ? kControlWidth * fontMetrics().height() / designLineHeight_
                           : kControlWidth;
    const int width = std::max(scaled, controlBox_->layout()->sizeHint().width());
    controlBox_->setFixedWidth(width);
    controlScroll_->setFixedWidth(width + controlScroll_->verticalScrollBar()->sizeHint().width());
}

void TrainingLabPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange && controlScroll_) {
        fitControlColumn();
    }
    QWidget::changeEvent(event);
}

TrainingLabPanel::~TrainingLabPanel() {
    // Closing the window cancels the run (waking it if paused); the step in progress ends
    // and the thread stops. The worker deletes itself when the thread finishes.
    worker_->stop();
    thread_.quit();
    thread_.wait();
}

void TrainingLabPanel::setLoadedArchitecture(const ResNetConfig& config) {
    const int index = arch_->findData(QString::fromLatin1(kLoaded));
    const QString label = tr("loaded model (%1)").arg(QString::fromStdString(config.arch));
    if (index >= 0) {
        arch_->setItemText(index, label);
    } else {
        arch_->insertItem(0, label, QString::fromLatin1(kLoaded));
    }
    loadedConfig_ = config;
}

void TrainingLabPanel::setArchitecture(const QString& arch) {
    const int index = arch_->findData(arch);
    if (index >= 0) {
        arch_->setCurrentIndex(index);
    } else {
        arch_->addItem(arch, arch);
        arch_->setCurrentIndex(arch_->count() - 1);
    }
}

void TrainingLabPanel::setSteps(qint64 steps) {
    steps_->setValue(int(steps));
}

void TrainingLabPanel::setBatch(int batch) {
    batch_->setValue(batch);
}

void TrainingLabPanel::setCompare(bool compare) {
    compare_->setChecked(compare);
}

void TrainingLabPanel::setSubset(qint64 images) {
    subset_->setValue(int(images));
}

void TrainingLabPanel::setBatchNorm(bool enabled) {
    batchNorm_->setChecked(enabled);
}

void TrainingLabPanel::setSeed(int seed) {
    seed_->setValue(seed);
}

void TrainingLabPanel::useDefaultRecipe() {
    // Measured (docs/benchmarks.md, *Lab defaults*): resnet56 beside plain56 at batch 64 for
    // 300 steps takes about 2.5 minutes on two cores, and at the scaled rate neither loss
    // spikes (ResNet-56's peak 1.5x its first loss). At batch 32 and rate 0.1, the old
    // default's pairing, its loss rose to 2.6x its start at step 11.
    data_->setCurrentIndex(data_->findData(int(TrainingRequest::Data::FashionMnist)));
    chooseDataDirectory();  // Fashion-MNIST: no dialog, the folder is forgotten
    steps_->setValue(300);
    {
        const QSignalBlocker quiet(learningRate_);
        batch_->setValue(kDefaultBatch);
        learningRate_->setValue(scaledLearningRate(kDefaultBatch));
    }
    rateFollowsBatch_ = true;
    seed_->setValue(1);
    subset_->setValue(0);
    batchNorm_->setChecked(true);
    compare_->setChecked(true);
}

void TrainingLabPanel::setLearningRate(double rate) {
    learningRate_->setValue(rate);  // from now on the rate is the user's
}

QObject* TrainingLabPanel::worker() const {
    return worker_;
}

bool TrainingLabPanel::paused() const {
    return worker_->paused();
}

TrainingRequest TrainingLabPanel::request() const {
    TrainingRequest request;
    const QString arch = arch_->currentData().toString();
    request.config =
        arch == kLoaded ? loadedConfig_ : ResNetConfig::fromArchName(arch.toStdString());
    request.data = static_cast<TrainingRequest::Data>(data_->currentData().toInt());
    request.directory = dataDirectory_;
    request.steps = steps_->value();
    request.batch = batch_->value();
    request.learningRate = learningRate_->value();
    request.seed = quint64(seed_->value());
    request.batchNorm = batchNorm_->isChecked();
    request.compare = compare_->isChecked();
    request.subset = subset_->value();
    request.device = device_;
    return request;
}

void TrainingLabPanel::start() {
    if (running_) {
        return;
    }
    TrainingRequest r;
    try {
        r = request();
    } catch (const std::exception& e) {
        Q_EMIT errorOccurred(QString::fromUtf8(e.what()));
        return;
    }
    running_ = true;
    runRequest_ = r;
    openedFrom_.clear();
    openedWeights_.clear();
    status_->setText(tr("Loading the data…"));
    updateButtons();
    QMetaObject::invokeMethod(worker_, [w = worker_, r] { w->start(r); });
}

void TrainingLabPanel::togglePause() {
    if (!running_) {
        return;
    }
    if (worker_->paused()) {
        pausedMs_ += pausedClock_.elapsed();
        worker_->resume();
    } else {
        pausedClock_.start();
        worker_->pause();
    }
    updateButtons();
    showProgress();
}

void TrainingLabPanel::stop() {
    worker_->stop();
}

void TrainingLabPanel::onStarted(const TrainingPlan& plan) {
    history_.reset(plan);
    resetCharts(plan);
    progress_->setValue(0);
    pausedMs_ = 0;
    clock_.start();
    refresh_.start();
    status_->setText(tr("Training on %1").arg(plan.data));
    Q_EMIT runStarted();
}

void TrainingLabPanel::resetCharts(const TrainingPlan& plan) {
    drawnLoss_ = QVector<qsizetype>(plan.runs.size(), 0);
    drawnHistory_ = QVector<qsizetype>(plan.runs.size(), 0);
    profileStep_ = QVector<qint64>(plan.runs.size(), -1);
    firstDrawn_ = QVector<bool>(plan.runs.size(), false);
    lastCountedStep_ = 0;
    loss_->reset(plan.runs, plan.totalSteps);
    depth_->reset(plan.runs, int(plan.blocks.size()));
    skip_->reset(plan.runs.value(0), plan.blocks, plan.totalSteps);
    noskip_->reset(plan.runs.value(1), plan.blocks, plan.totalSteps);
    noskip_->setVisible(plan.runs.size() > 1);
    trainedRun_->clear();
    trainedRun_->addItems(plan.runs);
    progress_->setRange(0, int(plan.totalSteps));
}

void TrainingLabPanel::onStepped(const StepUpdate& update) {
    history_.add(update);  // drawn by the next refresh
}

void TrainingLabPanel::onRunEnded(int run, RunStatus status, const QString& message) {
    history_.setOutcome(run, status, message);
    noteDivergence(run);
}

void TrainingLabPanel::noteDivergence(int run) {
    if (run < 2 && history_.status(run) == RunStatus::Diverged) {
        const auto& steps = history_.steps(run);
        historyChart(run)->setNote(tr("diverged after step %1: %2")
                                       .arg(steps.isEmpty() ? 0 : steps.last().step)
                                       .arg(history_.message(run)));
    }
}

void TrainingLabPanel::onFinished() {
    refresh_.stop();
    flushCharts();
    running_ = false;
    showOutcome();
    updateButtons();
    Q_EMIT runFinished();
}

void TrainingLabPanel::showOutcome() {
    QStringList outcome;
    for (int r = 0; r < history_.runCount(); ++r) {
        const QString name = history_.plan().runs.value(r);
        const auto& steps = history_.steps(r);
        if (history_.status(r) == RunStatus::Diverged) {
            outcome << tr("<span style='color:#b00020'>%1 diverged: %2</span>")
                           .arg(name, history_.message(r).toHtmlEscaped());
        } else if (!steps.isEmpty()) {
            const bool cancelled = history_.status(r) == RunStatus::Cancelled;
            outcome << tr("%1 %2 after %3 steps, loss %4")
                           .arg(name, cancelled ? tr("cancelled") : tr("finished"))
                           .arg(steps.last().step)
                           .arg(steps.last().loss, 0, 'f', 3);
        }
    }
    if (!openedFrom_.isEmpty()) {
        outcome.prepend(tr("Saved run %1:").arg(QFileInfo(openedFrom_).fileName().toHtmlEscaped()));
    }
    if (!outcome.isEmpty()) {
        status_->setText(outcome.join("<br>"));
    }
}

void TrainingLabPanel::refreshCharts() {
    // One chart per tick, round robin (loss, each run's history, depth profile): each repaint
    // is a quarter of the work, so the event loop is never held for long while training
    // takes both cores.
    const int phase = tick_++ % 4;
    refreshPhase(phase);
    if (phase == 3) {
        const qint64 drawn = drawnLoss_.isEmpty() ? 0 : drawnLoss_[0];
        if (drawn != lastCountedStep_) {
            lastCountedStep_ = drawn;
            ++refreshes_;
            showProgress();
            Q_EMIT chartsRefreshed();
        }
    }
}

void TrainingLabPanel::refreshPhase(int phase) {
    const bool outputs = normKind_->currentIndex() == 1;
    const int runs = std::min(history_.runCount(), 2);
    auto newSteps = [this](int run, QVector<qsizetype>& drawn) {
        const QVector<StepUpdate>& all = history_.steps(run);
        const QVector<StepUpdate> fresh = all.mid(drawn[run]);
        drawn[run] = all.size();
        return fresh;
    };
    if (phase == 0) {
        for (int r = 0; r < runs; ++r) {
            loss_->append(r, newSteps(r, drawnLoss_));
        }
    } else if (phase == 1 || phase == 2) {
        const int r = phase - 1;
        if (r < runs) {
            historyChart(r)->append(newSteps(r, drawnHistory_), outputs);
        }
    } else {
        for (int r = 0; r < runs; ++r) {
            const QVector<StepUpdate>& all = history_.steps(r);
            if (!all.isEmpty() && !firstDrawn_[r]) {
                firstDrawn_[r] = true;
                depth_->setFirstProfile(r,
                                        outputs ? all.first().outputNorms : all.first().blockNorms);
            }
            if (!all.isEmpty() && all.last().step != profileStep_[r]) {
                profileStep_[r] = all.last().step;
                depth_->setProfile(r, all.last().step,
                                   outputs ? all.last().outputNorms : all.last().blockNorms);
            }
        }
    }
}

void TrainingLabPanel::flushCharts() {
    for (int phase = 0; phase < 4; ++phase) {
        refreshPhase(phase);
    }
    showProgress();
}

void TrainingLabPanel::redrawHistories() {
    if (history_.runCount() == 0) {
        return;
    }
    for (int r = 0; r < history_.runCount() && r < 2; ++r) {
        historyChart(r)->reset(history_.plan().runs.value(r), history_.plan().blocks,
                               history_.plan().totalSteps);
        drawnHistory_[r] = 0;
        profileStep_[r] = -1;
        firstDrawn_[r] = false;
    }
    flushCharts();
}

void TrainingLabPanel::showProgress() {
    if (history_.runCount() == 0 || history_.steps(0).isEmpty()) {
        return;
    }
    const qint64 step = history_.steps(0).last().step;
    const qint64 total = history_.plan().totalSteps;
    progress_->setValue(int(step));
    // (No clock for a run opened from a file.)
    const double seconds = clock_.isValid() ? (clock_.elapsed() - pausedMs_) / 1000.0 : 0;
    const double rate = seconds > 0 ? step / seconds : 0;
    QString text = tr("step %1 of %2 · %3 steps/s").arg(step).arg(total).arg(rate, 0, 'f', 2);
    if (rate > 0 && step < total) {
        text += tr(" · %1 left").arg(duration((total - step) / rate));
    }
    if (running_ && worker_->paused()) {
        text += tr(" · paused");
    }
    status_->setText(text);
}

void TrainingLabPanel::updateButtons() {
    start_->setEnabled(!running_);
    pause_->setEnabled(running_);
    pause_->setText(running_ && worker_->paused() ? tr("Resume") : tr("Pause"));
    stop_->setEnabled(running_);
    const bool trained = !running_ && trainedRun_->count() > 0;
    open_->setEnabled(trained);
    save_->setEnabled(trained);
    saveRun_->setEnabled(!running_ && !history_.empty());
    for (QWidget* w : std::initializer_list<QWidget*>{arch_, data_, steps_, batch_, learningRate_,
                                                      seed_, subset_, batchNorm_, compare_}) {
        w->setEnabled(!running_);
    }
}

void TrainingLabPanel::chooseDataDirectory() {
    const auto data = static_cast<TrainingRequest::Data>(data_->currentData().toInt());
    if (data == TrainingRequest::Data::FashionMnist) {
        dataDirectory_.clear();
        dataLabel_->setText(tr("Debian's dataset-fashion-mnist, found by itself"));
        return;
    }
    const QString dir = QFileDialog::getExistingDirectory(
        this, data == TrainingRequest::Data::Cifar10 ? tr("CIFAR-10 binary batches")
                                                     : tr("Image folder"));
    if (dir.isEmpty()) {
        data_->setCurrentIndex(0);
        chooseDataDirectory();
        return;
    }
    dataDirectory_ = dir;
    dataLabel_->setText(dir);
}

QByteArray TrainingLabPanel::trainedModel(int run, QString* error) const {
    if (openedFrom_.isEmpty()) {
        return worker_->modelFile(run, error);
    }
    const QByteArray bytes = openedWeights_.value(run);
    if (bytes.isEmpty()) {
        *error = tr("%1 was saved without the trained networks").arg(openedFrom_);
    }
    return bytes;
}

void TrainingLabPanel::openRunInExplorer() {
    QString error;
    const int run = trainedRun_->currentIndex();
    const QByteArray bytes = trainedModel(run, &error);
    if (bytes.isEmpty()) {
        Q_EMIT errorOccurred(tr("Cannot open the trained network: %1").arg(error));
        return;
    }
    Q_EMIT openInExplorer(bytes, tr("%1 (trained in the lab)").arg(trainedRun_->currentText()));
}

QString TrainingLabPanel::saveModel(int run, const QString& path) const {
    QString error;
    const QByteArray bytes = trainedModel(run, &error);
    if (bytes.isEmpty()) {
        return error;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return tr("cannot write %1: %2").arg(path, file.errorString());
    }
    return QString();
}

void TrainingLabPanel::saveModelAs() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save trained network"),
                                                      trainedRun_->currentText() + ".pt",
                                                      tr("ResLens models (*.pt)"));
    if (path.isEmpty()) {
        return;
    }
    const QString error = saveModel(trainedRun_->currentIndex(), path);
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(error);
    }
}

QString TrainingLabPanel::whyNoRunToSave() const {
    if (running_) {
        return tr("the run is still going: stop it, or wait for it to finish");
    }
    return history_.empty() ? tr("there is no run to save yet") : QString();
}

QString TrainingLabPanel::saveRun(const QString& path, bool withWeights) const {
    if (const QString why = whyNoRunToSave(); !why.isEmpty()) {
        return why;
    }
    LabRun run;
    run.history = history_;
    run.request = runRequest_;
    run.source = QStringLiteral("ResLens training lab");
    if (withWeights) {
        for (int r = 0; r < history_.runCount(); ++r) {
            QString error;
            run.weights << trainedModel(r, &error);
            if (run.weights.last().isEmpty()) {
                return error;
            }
        }
    }
    return writeLabRun(path, run);
}

QString TrainingLabPanel::openRun(const QString& path) {
    if (running_) {
        return tr("a run is going: stop it before opening another");
    }
    LabRun run;
    const QString error = readLabRun(path, &run);
    if (!error.isEmpty()) {
        return error;
    }
    history_ = run.history;
    runRequest_ = run.request;
    openedFrom_ = QFileInfo(path).absoluteFilePath();
    openedWeights_ = run.weights;
    showRecipe(run.request);
    resetCharts(history_.plan());
    for (int r = 0; r < history_.runCount(); ++r) {
        noteDivergence(r);
    }
    flushCharts();
    showOutcome();
    updateButtons();
    return QString();
}

void TrainingLabPanel::showRecipe(const TrainingRequest& request) {
    setArchitecture(QString::fromStdString(request.config.arch));
    const int data = data_->findData(int(request.data));
    data_->setCurrentIndex(std::max(data, 0));
    dataDirectory_ = request.directory;
    dataLabel_->setText(request.directory.isEmpty()
                            ? tr("Debian's dataset-fashion-mnist, found by itself")
                            : request.directory);
    steps_->setValue(int(std::min<qint64>(request.steps, steps_->maximum())));
    batch_->setValue(request.batch);
    learningRate_->setValue(request.learningRate);  // a saved recipe's rate stays as it was
    seed_->setValue(int(std::min<quint64>(request.seed, quint64(seed_->maximum()))));
    subset_->setValue(int(std::min<qint64>(request.subset, subset_->maximum())));
    batchNorm_->setChecked(request.batchNorm);
    compare_->setChecked(request.compare);
}

void TrainingLabPanel::saveRunAs() {
    // Said before the file dialog, not after it (the File menu's entry is always there).
    if (const QString why = whyNoRunToSave(); !why.isEmpty()) {
        Q_EMIT errorOccurred(tr("Cannot save the run: %1").arg(why));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save run"), history_.plan().runs.join('-') + ".reslens-run",
        tr("ResLens runs (*.reslens-run)"));
    if (path.isEmpty()) {
        return;
    }
    // A run opened without its networks (a compare folder, a light file) has none to keep.
    const bool haveNetworks = openedFrom_.isEmpty() ||
                              std::any_of(openedWeights_.begin(), openedWeights_.end(),
                                          [](const QByteArray& bytes) { return !bytes.isEmpty(); });
    if (!haveNetworks) {
        const QString error = saveRun(path, false);
        if (!error.isEmpty()) {
            Q_EMIT errorOccurred(tr("Cannot save the run: %1").arg(error));
        }
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Save run"),
        tr("Also keep the trained networks in the file, so that they can be opened in the "
           "explorer later? (The file grows by their weights.)"),
        QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Yes);
    if (answer == QMessageBox::Cancel) {
        return;
    }
    const QString error = saveRun(path, answer == QMessageBox::Yes);
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(tr("Cannot save the run: %1").arg(error));
    }
}

void TrainingLabPanel::openRunFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open run"), QString(),
        tr("ResLens runs (*.reslens-run);;reslens-cli compare folders (summary.json)"));
    if (path.isEmpty()) {
        return;
    }
    const QString error = openRun(path);
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(tr("Cannot open the run: %1").arg(error));
    }
}

QString TrainingLabPanel::exportCsv(const QString& path) const {
    return history_.writeCsv(path);
}

QString TrainingLabPanel::exportCharts(const QString& path) {
    return path.endsWith(".svg", Qt::CaseInsensitive)
               ? saveWidgetSvg(charts_, path, tr("ResLens training lab"))
               : saveWidgetPng(charts_, path);
}

void TrainingLabPanel::exportChartsAs() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export charts"), "training.svg", tr("SVG drawings (*.svg);;PNG images (*.png)"));
    if (!path.isEmpty()) {
        const QString error = exportCharts(path);
        if (!error.isEmpty()) {
            Q_EMIT errorOccurred(error);
        }
    }
}

void TrainingLabPanel::exportCsvAs() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export run data"), "training.csv",
                                                      tr("CSV tables (*.csv)"));
    if (!path.isEmpty()) {
        const QString error = exportCsv(path);
        if (!error.isEmpty()) {
            Q_EMIT errorOccurred(error);
        }
    }
}

}  // namespace reslens
