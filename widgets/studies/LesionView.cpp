#include "widgets/studies/LesionView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

#include "app/core/lessons/LessonMeasures.h"
#include "app/core/studies/LesionStudyRequest.h"
#include "widgets/common/Export.h"
#include "widgets/studies/LesionBlockChart.h"
#include "widgets/studies/LesionDepthChart.h"
#include "widgets/studies/StudyControls.h"
#include "widgets/studies/StudyExport.h"
#include "widgets/studies/StudyRunner.h"

namespace reslens {

LesionView::LesionView(QWidget* parent)
    : QWidget(parent),
      runner_(new StudyRunner(QStringLiteral("lesion"), this)),
      controls_(new StudyControls(
          tr("Run the study"),
          tr("Bypass each block of the loaded model in turn, then k random ones"), this)),
      data_(new QLineEdit(QStringLiteral("fashion-mnist"), this)),
      samples_(new QSpinBox(this)),
      randomK_(new QSpinBox(this)),
      trials_(new QSpinBox(this)),
      summary_(new QLabel(this)),
      charts_(new QWidget(this)),
      blocks_(new LesionBlockChart(charts_)),
      depth_(new LesionDepthChart(charts_)) {
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
    // A count chosen by hand means the first N again, not a lesson's draw.
    connect(samples_, QOverload<int>::of(&QSpinBox::valueChanged), this,
            [this] { sampleSeed_ = 0; });
    randomK_->setRange(0, 200);
    randomK_->setValue(6);
    randomK_->setToolTip(tr("Also bypass k = 1..K random blocks at once (0: none)"));
    trials_->setRange(1, 100);
    trials_->setValue(3);
    trials_->setToolTip(tr("Random draws per k"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    controls_->addTwinButton(tr("Add its twin"),
                             tr("Run the same study on the model's twin, or on any model file, "
                                "and show both side by side"));
    controls_->addExport(tr("Export charts…"), "lesion.svg",
                         tr("SVG drawings (*.svg);;PNG images (*.png)"),
                         [this](const QString& path) { return exportCharts(path); });
    controls_->addExport(tr("Export CSV…"), "lesion.csv", tr("CSV tables (*.csv)"),
                         [this](const QString& path) { return exportCsv(path); });
    controls_->connectTo(runner_);

    auto* options = new QHBoxLayout;
    options->addWidget(new QLabel(tr("Data"), this));
    options->addWidget(data_, 1);
    options->addWidget(new QLabel(tr("Images"), this));
    options->addWidget(samples_);
    options->addWidget(new QLabel(tr("Random k up to"), this));
    options->addWidget(randomK_);
    options->addWidget(new QLabel(tr("trials"), this));
    options->addWidget(trials_);
    auto* chartsLayout = new QHBoxLayout(charts_);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(blocks_, 3);
    chartsLayout->addWidget(depth_, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(options);
    layout->addWidget(controls_);
    layout->addWidget(charts_, 1);
    layout->addWidget(summary_);

    connect(runner_, &StudyRunner::failed, this, [this](const QString& message) {
        controls_->setRunning(false);
        controls_->showIdle(QString());
        Q_EMIT errorOccurred(tr("Lesion study: %1").arg(message));
    });
    connect(controls_, &StudyControls::runClicked, this, &LesionView::runLoadedModel);
    connect(controls_, &StudyControls::twinChosen, this, &LesionView::runModel);
    connect(controls_, &StudyControls::cancelClicked, this, &LesionView::cancel);
    connect(controls_, &StudyControls::exportFailed, this, &LesionView::errorOccurred);
    setModel({}, QString(), 0);
}

LesionView::~LesionView() = default;

bool LesionView::running() const {
    return runner_->running();
}

void LesionView::setModel(const ModelRequest& request, const QString& title, int classes) {
    model_ = request;
    classes_ = classes;
    controls_->setModel(request, title);
    studies_.clear();
    redraw();
}

void LesionView::setRandomLesions(int maxK, int trials) {
    randomK_->setValue(maxK);
    trials_->setValue(trials);
}

void LesionView::setSamples(int samples, quint64 drawnBySeed) {
    samples_->setValue(samples);
    sampleSeed_ = drawnBySeed;
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
    if (running()) {
        return;
    }
    controls_->setRunning(true);
    const std::string data = data_->text().trimmed().toStdString();
    const std::string device = device_.toStdString();
    LesionOptions options;
    options.randomK = randomK_->value();
    options.trials = trials_->value();
    options.samples = samples_->value();
    options.sampleSeed = sampleSeed_;
    runner_->run<NamedLesionStudy>(
        [request, data, device, options](StudyContext& context) {
            return runLesionStudy(
                context.resources(), request, DataSpec::parse(data), device, options,
                [&context](int done, int total, const std::string& what) {
                    return context.progress(done, total, QString::fromStdString(what));
                });
        },
        [this](const NamedLesionStudy& study) { onFinished(study); });
}

void LesionView::cancel() {
    runner_->cancel();
}

void LesionView::onFinished(const NamedLesionStudy& study) {
    controls_->setRunning(false);
    studies_.push_back(study);
    controls_->showIdle(study.result.cancelled ? tr("cancelled: what ran is shown") : tr("done"));
    controls_->setTwinEnabled(true);
    redraw();
    Q_EMIT studyFinished(QString::fromStdString(study.title));
}

void LesionView::redraw() {
    blocks_->showStudies(studies_, classes_);
    depth_->showStudies(studies_);
    // The k-random chart only beside studies that drew random lesions (a lesson's need not).
    depth_->setVisible(
        std::any_of(studies_.begin(), studies_.end(),
                    [](const auto& study) { return !study.result.random.empty(); }) ||
        studies_.isEmpty());
    QStringList lines;
    for (const NamedLesionStudy& s : studies_) {
        if (s.result.blocks.empty()) {
            continue;
        }
        const LesionSpread spread = lesionSpread(s.result);
        lines << tr("%1 on %2 (%7 images): %3% with every block; one block bypassed: %4%–%5%, "
                    "median %6%")
                     .arg(QString::fromStdString(s.title), QString::fromStdString(s.data))
                     .arg(100 * spread.baseline, 0, 'f', 2)
                     .arg(100 * spread.lowest, 0, 'f', 1)
                     .arg(100 * spread.highest, 0, 'f', 1)
                     .arg(100 * spread.median, 0, 'f', 1)
                     .arg(s.result.samples);
    }
    summary_->setText(lines.join('\n'));
}

QString LesionView::exportCharts(const QString& path) {
    return saveWidgetAs(charts_, path, tr("ResLens lesion study"));
}

QString LesionView::exportCsv(const QString& path) const {
    return saveLesionCsv(studies_, path);
}

}  // namespace reslens
