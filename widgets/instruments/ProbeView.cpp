#include "widgets/instruments/ProbeView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include "app/core/instruments/ProbeStudy.h"
#include "widgets/common/Export.h"
#include "widgets/instruments/CurveChart.h"
#include "widgets/instruments/InstrumentExport.h"
#include "widgets/instruments/ModelQueue.h"
#include "widgets/studies/StudyControls.h"
#include "widgets/studies/StudyRunner.h"

namespace reslens {

ProbeView::ProbeView(QWidget* parent)
    : QWidget(parent),
      runner_(new StudyRunner(QStringLiteral("probes"), this)),
      queue_(new ModelQueue(
          runner_, [this](const ModelRequest& request) { start(request); }, this)),
      controls_(new StudyControls(
          tr("Probe every block"),
          tr("Fit a linear classifier on each block's averaged output (training images) and "
             "score it on the test images, for the model and its twin"),
          this)),
      data_(new QLineEdit(QStringLiteral("fashion-mnist"), this)),
      testData_(new QLineEdit(this)),
      samples_(new QSpinBox(this)),
      testSamples_(new QSpinBox(this)),
      chart_(new CurveChart(tr("What each block already knows: linear probe accuracy"),
                            tr("block (0 = the stem)"), tr("test accuracy"), this)),
      summary_(new QLabel(this)) {
    controls_->addTwinButton(tr("Add a twin…"), tr("Probe another model's blocks beside"));
    controls_->addExport(tr("Export chart…"), "probes.svg",
                         tr("SVG drawings (*.svg);;PNG images (*.png)"),
                         [this](const QString& path) { return exportChart(path); });
    controls_->addExport(tr("Export CSV…"), "probes.csv", tr("CSV tables (*.csv)"),
                         [this](const QString& path) { return exportCsv(path); });
    controls_->connectTo(runner_);
    chart_->setWholeNumberX(true);
    testData_->setPlaceholderText(tr("the data's test split"));
    testData_->setToolTip(
        tr("Score the probes on other data, e.g. folder:DIR of test images "
           "beside a folder of training images"));
    samples_->setRange(2, 1000000);
    samples_->setValue(5000);
    samples_->setSingleStep(1000);
    samples_->setToolTip(tr("The first N training images the probes are fitted on"));
    testSamples_->setRange(0, 1000000);
    testSamples_->setSingleStep(1000);
    testSamples_->setSpecialValueText(tr("all"));
    testSamples_->setToolTip(tr("The first M test images they are scored on (all: the split)"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* options = new QHBoxLayout;
    options->addWidget(new QLabel(tr("Data:"), this));
    options->addWidget(data_, 1);
    options->addWidget(new QLabel(tr("Test data:"), this));
    options->addWidget(testData_, 1);
    options->addWidget(new QLabel(tr("Training images:"), this));
    options->addWidget(samples_);
    options->addWidget(new QLabel(tr("Test images:"), this));
    options->addWidget(testSamples_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(controls_);
    layout->addLayout(options);
    layout->addWidget(chart_, 1);
    layout->addWidget(summary_);

    connect(controls_, &StudyControls::runClicked, this, &ProbeView::runLoadedModel);
    connect(controls_, &StudyControls::cancelClicked, this, &ProbeView::cancel);
    connect(controls_, &StudyControls::twinChosen, this, &ProbeView::runModel);
    connect(controls_, &StudyControls::exportFailed, this, &ProbeView::errorOccurred);
    connect(runner_, &StudyRunner::failed, this, [this](const QString& message) {
        Q_EMIT errorOccurred(tr("Probes: %1").arg(message));
    });
    connect(queue_, &ModelQueue::allFinished, this, [this] {
        const bool cancelled = !results_.isEmpty() && results_.back().cancelled;
        controls_->showIdle(cancelled ? tr("cancelled: what ran is shown") : tr("done"));
        Q_EMIT finished();
    });
    setModel({}, QString());
}

ProbeView::~ProbeView() = default;

bool ProbeView::running() const {
    return queue_->running();
}

void ProbeView::setModel(const ModelRequest& request, const QString& title) {
    model_ = request;
    queue_->setModel(request);
    controls_->setModel(request, title);
    controls_->setTwinEnabled(!title.isEmpty());
    results_.clear();
    redraw();
}

void ProbeView::setSamples(int training, int test) {
    samples_->setValue(training);
    testSamples_->setValue(test);
}

void ProbeView::runLoadedModel() {
    if (queue_->running()) {
        return;
    }
    results_.clear();
    redraw();
    queue_->runModelAndTwin();
}

void ProbeView::runModel(const ModelRequest& request) {
    queue_->add(request);
}

void ProbeView::start(const ModelRequest& request) {
    const std::string data = data_->text().trimmed().toStdString();
    const std::string testData = testData_->text().trimmed().toStdString();
    const int64_t samples = samples_->value();
    const int64_t test = testSamples_->value();
    const std::string device = device_.toStdString();
    runner_->run<ProbeResult>(
        [request, data, testData, samples, test, device](StudyContext& context) {
            std::optional<DataSpec> scoreOn;
            if (!testData.empty()) {
                scoreOn = DataSpec::parse(testData);
            }
            return runProbes(
                context.resources(), request, DataSpec::parse(data), samples, test, device,
                [&context](int done, int total, const std::string& what) {
                    return context.progress(done, total, QString::fromStdString(what));
                },
                scoreOn);
        },
        [this](const ProbeResult& result) {
            results_.append(result);
            redraw();
        });
}

void ProbeView::cancel() {
    queue_->clear();
    runner_->cancel();
}

void ProbeView::redraw() {
    QVector<Curve> curves;
    QStringList lines;
    for (int i = 0; i < results_.size(); ++i) {
        const ProbeResult& r = results_[i];
        const bool plain = r.arch.rfind("plain", 0) == 0;
        const QString title = QString::fromStdString(r.title);
        Curve probes{title, {}, {}, curvePen(i, plain)};
        for (size_t b = 0; b < r.blocks.size(); ++b) {
            probes.x.append(double(b));
            probes.y.append(r.blocks[b].accuracy);
        }
        curves.append(probes);
        QPen flat = curvePen(i, plain);
        flat.setStyle(Qt::DotLine);
        const double last = r.blocks.empty() ? 1.0 : double(r.blocks.size() - 1);
        curves.append({tr("%1: the network").arg(title),
                       {0.0, last},
                       {r.networkAccuracy, r.networkAccuracy},
                       flat});
        int half = -1;  // the first block whose probe reaches half the way from the stem's
        if (!r.blocks.empty()) {
            const double target =
                r.blocks.front().accuracy + 0.5 * (r.networkAccuracy - r.blocks.front().accuracy);
            for (size_t b = 0; b < r.blocks.size(); ++b) {
                if (r.blocks[b].accuracy >= target) {
                    half = int(b);
                    break;
                }
            }
        }
        lines << tr("%1: stem %2%, last block %3%, the network %4% (%5 training, %6 test "
                    "images); half the way from the stem's to the network's accuracy at %7%8")
                     .arg(title)
                     .arg(r.blocks.empty() ? 0.0 : 100 * r.blocks.front().accuracy, 0, 'f', 1)
                     .arg(r.blocks.empty() ? 0.0 : 100 * r.blocks.back().accuracy, 0, 'f', 1)
                     .arg(100 * r.networkAccuracy, 0, 'f', 1)
                     .arg(r.samples)
                     .arg(r.testSamples)
                     .arg(half >= 0 ? QString::fromStdString(r.blocks[size_t(half)].name)
                                    : tr("no block"))
                     .arg(r.cancelled ? tr(" (cancelled: the blocks probed so far)") : QString());
    }
    chart_->setCurves(curves, 0, 1);
    summary_->setText(lines.join('\n'));
}

QString ProbeView::exportChart(const QString& path) {
    return saveWidgetAs(chart_, path, tr("ResLens linear probes"));
}

QString ProbeView::exportCsv(const QString& path) const {
    return saveProbeCsv(results_, path);
}

}  // namespace reslens
