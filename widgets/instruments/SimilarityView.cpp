#include "widgets/instruments/SimilarityView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

#include "app/core/instruments/SimilarityStudy.h"
#include "app/core/instruments/SimilaritySummary.h"
#include "widgets/common/Export.h"
#include "widgets/instruments/CkaHeatmap.h"
#include "widgets/instruments/InstrumentExport.h"
#include "widgets/instruments/ModelQueue.h"
#include "widgets/studies/StudyControls.h"
#include "widgets/studies/StudyRunner.h"

namespace reslens {
namespace {

// The mean CKA between the blocks within each stage (stem excluded): the "one
// representation refined" reading in one number per stage.
QString withinStages(const SimilarityResult& r) {
    QStringList parts;
    for (const StageSimilarity& s : withinStageSimilarity(r)) {
        parts << QString::number(s.meanCka, 'f', 2);
    }
    return parts.join(QStringLiteral(", "));
}

}  // namespace

SimilarityView::SimilarityView(QWidget* parent)
    : QWidget(parent),
      runner_(new StudyRunner(QStringLiteral("similarity"), this)),
      queue_(new ModelQueue(
          runner_, [this](const ModelRequest& request) { start(request); }, this)),
      controls_(new StudyControls(
          tr("Compare the blocks"),
          tr("Linear CKA between every pair of block outputs over the test images, for the "
             "model and its twin"),
          this)),
      data_(new QLineEdit(QStringLiteral("fashion-mnist"), this)),
      samples_(new QSpinBox(this)),
      maps_(new QWidget(this)),
      left_(new CkaHeatmap(maps_)),
      right_(new CkaHeatmap(maps_)),
      summary_(new QLabel(this)) {
    controls_->addTwinButton(tr("Add a twin…"), tr("Compare another model's blocks beside"));
    controls_->addExport(tr("Export heat-maps…"), "similarity.svg",
                         tr("SVG drawings (*.svg);;PNG images (*.png)"),
                         [this](const QString& path) { return exportCharts(path); });
    controls_->addExport(tr("Export CSV…"), "similarity.csv", tr("CSV tables (*.csv)"),
                         [this](const QString& path) { return exportCsv(path); });
    controls_->connectTo(runner_);
    samples_->setRange(2, 100000);
    samples_->setValue(500);
    samples_->setToolTip(tr("The first N test images"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* options = new QHBoxLayout;
    options->addWidget(new QLabel(tr("Data:"), this));
    options->addWidget(data_, 1);
    options->addWidget(new QLabel(tr("Images:"), this));
    options->addWidget(samples_);
    auto* maps = new QHBoxLayout(maps_);
    maps->setContentsMargins(0, 0, 0, 0);
    maps->addWidget(left_);
    maps->addWidget(right_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(controls_);
    layout->addLayout(options);
    layout->addWidget(maps_, 1);
    layout->addWidget(summary_);

    connect(controls_, &StudyControls::runClicked, this, &SimilarityView::runLoadedModel);
    connect(controls_, &StudyControls::cancelClicked, this, &SimilarityView::cancel);
    connect(controls_, &StudyControls::twinChosen, this, &SimilarityView::runModel);
    connect(controls_, &StudyControls::exportFailed, this, &SimilarityView::errorOccurred);
    connect(runner_, &StudyRunner::failed, this, [this](const QString& message) {
        Q_EMIT errorOccurred(tr("Similarity: %1").arg(message));
    });
    connect(queue_, &ModelQueue::allFinished, this, [this] {
        controls_->showIdle(results_.isEmpty() ? QString() : tr("done"));
        Q_EMIT finished();
    });
    setModel({}, QString());
}

SimilarityView::~SimilarityView() = default;

bool SimilarityView::running() const {
    return queue_->running();
}

void SimilarityView::setModel(const ModelRequest& request, const QString& title) {
    model_ = request;
    queue_->setModel(request);
    controls_->setModel(request, title);
    controls_->setTwinEnabled(!title.isEmpty());
    results_.clear();
    redraw();
}

void SimilarityView::setSamples(int samples) {
    samples_->setValue(samples);
}

void SimilarityView::runLoadedModel() {
    if (queue_->running()) {
        return;
    }
    results_.clear();
    redraw();
    queue_->runModelAndTwin();
}

void SimilarityView::runModel(const ModelRequest& request) {
    queue_->add(request);
}

void SimilarityView::start(const ModelRequest& request) {
    const std::string data = data_->text().trimmed().toStdString();
    const int64_t samples = samples_->value();
    const std::string device = device_.toStdString();
    runner_->run<SimilarityResult>(
        [request, data, samples, device](StudyContext& context) {
            return runSimilarity(context.resources(), request, DataSpec::parse(data), samples,
                                 device, [&context](int done, int total, const std::string& what) {
                                     return context.progress(done, total,
                                                             QString::fromStdString(what));
                                 });
        },
        [this](const SimilarityResult& result) {
            if (!result.cancelled) {
                results_.append(result);
            }
            redraw();
        });
}

void SimilarityView::cancel() {
    queue_->clear();
    runner_->cancel();
}

void SimilarityView::redraw() {
    // The two most recent: the model and its twin, or the latest twin chosen beside.
    const int n = int(results_.size());
    if (n == 0) {
        left_->clear();
        right_->clear();
    } else if (n == 1) {
        left_->setResult(results_[0]);
        right_->clear();
    } else {
        left_->setResult(results_[0]);
        right_->setResult(results_[n - 1]);
    }
    QStringList lines;
    for (const SimilarityResult& r : results_) {
        const std::vector<double> neighbours = neighbourSimilarity(r);
        lines << tr("%1: mean CKA between the blocks of each stage %2; between neighbours %3 "
                    "to %4")
                     .arg(QString::fromStdString(r.title))
                     .arg(withinStages(r))
                     .arg(neighbours.empty()
                              ? 1.0
                              : *std::min_element(neighbours.begin(), neighbours.end()),
                          0, 'f', 2)
                     .arg(neighbours.empty()
                              ? 1.0
                              : *std::max_element(neighbours.begin(), neighbours.end()),
                          0, 'f', 2);
    }
    summary_->setText(lines.join('\n'));
}

QString SimilarityView::exportCharts(const QString& path) {
    return saveWidgetAs(maps_, path, tr("ResLens block similarity"));
}

QString SimilarityView::exportCsv(const QString& path) const {
    return saveSimilarityCsv(results_, path);
}

}  // namespace reslens
