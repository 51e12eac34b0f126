#include "widgets/LesionView.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

#include "app/core/LessonMeasures.h"
#include "app/core/ShippedModels.h"
#include "widgets/Export.h"
#include "widgets/LesionBlockChart.h"
#include "widgets/LesionDepthChart.h"
#include "widgets/LesionWorker.h"

namespace reslens {

LesionView::LesionView(QWidget* parent)
    : QWidget(parent),
      worker_(new LesionWorker),
      modelLabel_(new QLabel(this)),
      data_(new QLineEdit(QStringLiteral("fashion-mnist"), this)),
      samples_(new QSpinBox(this)),
      randomK_(new QSpinBox(this)),
      trials_(new QSpinBox(this)),
      run_(new QPushButton(tr("Run the study"), this)),
      twin_(new QPushButton(tr("Add its twin"), this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      progress_(new QProgressBar(this)),
      summary_(new QLabel(this)),
      charts_(new QWidget(this)),
      blocks_(new LesionBlockChart(charts_)),
      depth_(new LesionDepthChart(charts_)) {
    qRegisterMetaType<NamedLesionStudy>();
    data_->setToolTip(
        tr("The data to measure on, as reslens-cli's --data: fashion-mnist, "
           "cifar10:DIR, folder:DIR (its test split unless it names one)"));
    // Room for a spec such as "fashion-mnist:test" beside the other controls.
    data_->setMinimumWidth(
        data_->fontMetrics().horizontalAdvance(QStringLiteral("fashion-mnist:test")) + 24);
    samples_->setRange(0, 1000000);
    samples_->setSingleStep(1000);
    samples_->setSpecialValueText(tr("all"));
    samples_->setToolTip(tr("Study the first N images of the data (all: every image)"));
    randomK_->setRange(0, 200);
    randomK_->setValue(6);
    randomK_->setToolTip(tr("Also bypass k = 1..K random blocks at once (0: none)"));
    trials_->setRange(1, 100);
    trials_->setValue(3);
    trials_->setToolTip(tr("Random draws per k"));
    run_->setToolTip(tr("Bypass each block of the loaded model in turn, then k random ones"));
    twin_->setToolTip(
        tr("Run the same study on the model's twin, or on any model file, and "
           "show both side by side"));
    cancel_->setEnabled(false);
    progress_->setTextVisible(true);
    progress_->setFormat(QString());
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const auto failed = [this](const QString& error) { Q_EMIT errorOccurred(error); };
    QPushButton* exportChartsButton = exportButton(
        this, tr("Export charts…"), "lesion.svg", tr("SVG drawings (*.svg);;PNG images (*.png)"),
        [this](const QString& path) { return this->exportCharts(path); }, failed);
    QPushButton* exportCsvButton = exportButton(
        this, tr("Export CSV…"), "lesion.csv", tr("CSV tables (*.csv)"),
        [this](const QString& path) { return this->exportCsv(path); }, failed);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Data"), this));
    controls->addWidget(data_, 1);
    controls->addWidget(new QLabel(tr("Images"), this));
    controls->addWidget(samples_);
    controls->addWidget(new QLabel(tr("Random k up to"), this));
    controls->addWidget(randomK_);
    controls->addWidget(new QLabel(tr("trials"), this));
    controls->addWidget(trials_);
    // The buttons share the progress line: one row of every control would make this tab,
    // and so the window, wider than the 1500-pixel default.
    auto* exports = new QHBoxLayout;
    exports->addWidget(run_);
    exports->addWidget(twin_);
    exports->addWidget(cancel_);
    exports->addWidget(progress_, 1);
    exports->addWidget(exportChartsButton);
    exports->addWidget(exportCsvButton);
    auto* chartsLayout = new QHBoxLayout(charts_);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(blocks_, 3);
    chartsLayout->addWidget(depth_, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(modelLabel_);
    layout->addLayout(controls);
    layout->addLayout(exports);
    layout->addWidget(charts_, 1);
    layout->addWidget(summary_);

    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.setObjectName("lesion");
    thread_.start();
    connect(worker_, &LesionWorker::progressed, this,
            [this](int done, int total, const QString& what) {
                progress_->setRange(0, total);
                progress_->setValue(done);
                progress_->setFormat(tr("%1 of %2: %3").arg(done).arg(total).arg(what));
            });
    connect(worker_, &LesionWorker::finished, this, &LesionView::onFinished);
    connect(worker_, &LesionWorker::failed, this, [this](const QString& message) {
        setRunning(false);
        progress_->setFormat(QString());
        Q_EMIT errorOccurred(tr("Lesion study: %1").arg(message));
    });
    connect(run_, &QPushButton::clicked, this, &LesionView::runLoadedModel);
    connect(twin_, &QPushButton::clicked, this, &LesionView::chooseTwin);
    connect(cancel_, &QPushButton::clicked, this, &LesionView::cancel);
    setModel({}, QString(), 0);
}

LesionView::~LesionView() {
    worker_->cancel();
    thread_.quit();
    thread_.wait();
}

void LesionView::setModel(const ModelRequest& request, const QString& title, int classes) {
    model_ = request;
    modelTitle_ = title;
    classes_ = classes;
    modelLabel_->setText(title.isEmpty() ? tr("No model open")
                                         : tr("<b>Model:</b> %1").arg(title.toHtmlEscaped()));
    run_->setEnabled(!title.isEmpty() && !running_);
    twin_->setEnabled(false);
    studies_.clear();
    redraw();
}

void LesionView::setRandomLesions(int maxK, int trials) {
    randomK_->setValue(maxK);
    trials_->setValue(trials);
}

void LesionView::setSamples(int samples) {
    samples_->setValue(samples);
}

void LesionView::runLoadedModel() {
    studies_.clear();
    redraw();
    start(model_);
}

void LesionView::runModel(const ModelRequest& request) {
    start(request);
}

void LesionView::start(const ModelRequest& request) {
    if (running_) {
        return;
    }
    setRunning(true);
    progress_->setRange(0, 0);
    progress_->setFormat(tr("opening the model and the data…"));
    const QString data = data_->text().trimmed();
    const QString device = device_;
    LesionOptions options;
    options.randomK = randomK_->value();
    options.trials = trials_->value();
    options.samples = samples_->value();
    worker_->rearm();
    QMetaObject::invokeMethod(worker_, [w = worker_, request, data, device, options] {
        w->run(request, data, device, options);
    });
}

void LesionView::cancel() {
    worker_->cancel();
}

void LesionView::onFinished(const NamedLesionStudy& study) {
    setRunning(false);
    studies_.push_back(study);
    progress_->setRange(0, 1);
    progress_->setValue(1);
    progress_->setFormat(study.result.cancelled ? tr("cancelled: what ran is shown") : tr("done"));
    twin_->setEnabled(true);
    redraw();
    Q_EMIT studyFinished(QString::fromStdString(study.title));
}

void LesionView::setRunning(bool running) {
    running_ = running;
    run_->setEnabled(!running && !modelTitle_.isEmpty());
    twin_->setEnabled(!running && !studies_.isEmpty());
    cancel_->setEnabled(running);
}

void LesionView::chooseTwin() {
    QMenu menu(this);
    if (model_.kind == ModelKind::Shipped) {
        if (const ShippedModel* shipped = findShippedModel(model_.location);
            shipped && !shipped->twin.empty()) {
            const ModelRequest twin = ModelRequest::shipped(shipped->twin);
            menu.addAction(tr("%1 (the shipped twin)").arg(QString::fromStdString(shipped->twin)),
                           this, [this, twin] { runModel(twin); });
        }
    }
    menu.addAction(tr("Model file…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Model to compare with"), {},
                                                          tr("ResLens models (*.pt)"));
        if (!path.isEmpty()) {
            runModel(ModelRequest::file(path.toStdString()));
        }
    });
    menu.exec(twin_->mapToGlobal(QPoint(0, twin_->height())));
}

void LesionView::redraw() {
    blocks_->showStudies(studies_, classes_);
    depth_->showStudies(studies_);
    QStringList lines;
    for (const NamedLesionStudy& s : studies_) {
        if (s.result.blocks.empty()) {
            continue;
        }
        const LesionSpread spread = lesionSpread(s.result);
        lines << tr("%1 on %2: %3% with every block; one block bypassed: %4%–%5%, median %6%")
                     .arg(QString::fromStdString(s.title), QString::fromStdString(s.data))
                     .arg(100 * spread.baseline, 0, 'f', 2)
                     .arg(100 * spread.lowest, 0, 'f', 1)
                     .arg(100 * spread.highest, 0, 'f', 1)
                     .arg(100 * spread.median, 0, 'f', 1);
    }
    summary_->setText(lines.join('\n'));
}

QString LesionView::exportCharts(const QString& path) {
    return path.endsWith(".svg", Qt::CaseInsensitive)
               ? saveWidgetSvg(charts_, path, tr("ResLens lesion study"))
               : saveWidgetPng(charts_, path);
}

QString LesionView::exportCsv(const QString& path) const {
    return saveLesionCsv(studies_, path);
}

}  // namespace reslens
