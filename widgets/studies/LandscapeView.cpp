#include "widgets/studies/LandscapeView.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "app/core/models/ModelTwins.h"
#include "widgets/charts/ChartColors.h"
#include "widgets/charts/ChartOwnership.h"
#include "widgets/common/Export.h"
#include "widgets/common/Formatting.h"
#include "widgets/studies/LandscapeMap.h"
#include "widgets/studies/StudyControls.h"
#include "widgets/studies/StudyExport.h"
#include "widgets/studies/StudyRunner.h"

namespace reslens {

LandscapeView::LandscapeView(QWidget* parent)
    : QWidget(parent),
      runner_(new StudyRunner(QStringLiteral("landscape"), this)),
      data_(new QLineEdit(QStringLiteral("fashion-mnist:train"), this)),
      samples_(new QSpinBox(this)),
      points_(new QSpinBox(this)),
      range_(new QDoubleSpinBox(this)),
      seed_(new QSpinBox(this)),
      twoD_(new QCheckBox(tr("2-D"), this)),
      controls_(new StudyControls(tr("Run with its twin"),
                                  tr("Slice the loaded model and, for a shipped model, its twin"),
                                  this)),
      charts_(new QWidget(this)),
      curves_(new QChartView(charts_)),
      left_(new LandscapeMap(charts_)),
      right_(new LandscapeMap(charts_)) {
    samples_->setRange(1, 1000000);
    samples_->setValue(2000);
    samples_->setToolTip(tr("The first N images of the split, without augmentation"));
    points_->setRange(1, 1001);
    points_->setSingleStep(2);
    points_->setValue(21);
    points_->setToolTip(tr("Points per axis; odd, so that the trained network is one"));
    range_->setRange(0.01, 100);
    range_->setValue(1.0);
    range_->setToolTip(tr("Coefficients from -R to R along each filter-normalised direction"));
    seed_->setRange(0, 1000000);
    seed_->setValue(1);
    twoD_->setToolTip(tr("A 2-D slice: points × points evaluations per model"));
    controls_->addExport(tr("Export charts…"), "landscape.svg",
                         tr("SVG drawings (*.svg);;PNG images (*.png)"),
                         [this](const QString& path) { return exportCharts(path); });
    controls_->addExport(tr("Export CSV…"), "landscape.csv", tr("CSV tables (*.csv)"),
                         [this](const QString& path) { return exportCsv(path); });

    auto* chart = new QChart;
    chart->setTitle(tr("Loss along a random filter-normalised direction (Li et al. 2018)"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    installChart(curves_, chart);
    curves_->setRenderHint(QPainter::Antialiasing);
    curves_->setMinimumSize(320, 240);

    auto* controls = new QHBoxLayout;
    for (auto [label, widget] :
         std::initializer_list<std::pair<QString, QWidget*>>{{tr("Data"), data_},
                                                             {tr("Samples"), samples_},
                                                             {tr("Points"), points_},
                                                             {tr("Range"), range_},
                                                             {tr("Seed"), seed_}}) {
        controls->addWidget(new QLabel(label, this));
        controls->addWidget(widget, widget == data_ ? 1 : 0);
    }
    controls->addWidget(twoD_);
    auto* chartsLayout = new QHBoxLayout(charts_);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(curves_, 1);
    chartsLayout->addWidget(left_);
    chartsLayout->addWidget(right_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(controls_);
    layout->addWidget(charts_, 1);
    left_->hide();
    right_->hide();

    connect(runner_, &StudyRunner::progressed, this,
            [this](int done, int total, const QString&, double seconds) {
                // This model's pace so far, then the calibrated cost of those still queued.
                double left = seconds / std::max(done, 1) * (total - done);
                const LandscapeOptions o = options();
                for (const ModelRequest& next : queue_) {
                    left += secondsPerImage_.value(costKey(QString::fromStdString(next.location))) *
                            o.samples * o.evaluations();
                }
                controls_->showProgress(done, total,
                                        tr("model %1 of %2: point %3 of %4, about %5 left")
                                            .arg(slices_.size() + 1)
                                            .arg(slices_.size() + 1 + queue_.size())
                                            .arg(done)
                                            .arg(total)
                                            .arg(durationText(left)));
            });
    connect(runner_, &StudyRunner::failed, this, [this](const QString& message) {
        queue_.clear();
        startNext();
        Q_EMIT errorOccurred(tr("Loss landscape: %1").arg(message));
    });
    connect(controls_, &StudyControls::runClicked, this, &LandscapeView::run);
    connect(controls_, &StudyControls::cancelClicked, this, &LandscapeView::cancel);
    connect(controls_, &StudyControls::exportFailed, this, &LandscapeView::errorOccurred);
    connect(samples_, &QSpinBox::valueChanged, this, &LandscapeView::showEstimate);
    connect(points_, &QSpinBox::valueChanged, this, &LandscapeView::showEstimate);
    connect(twoD_, &QCheckBox::toggled, this, &LandscapeView::showEstimate);
    setModel({}, QString());
}

void LandscapeView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (calibrationPending_) {
        calibrate();
    }
}

LandscapeView::~LandscapeView() = default;

bool LandscapeView::running() const {
    return !queue_.isEmpty() || runner_->running();
}

void LandscapeView::onSlice(const NamedLandscape& slice) {
    slices_.push_back(slice);
    redraw();
    if (slice.result.cancelled) {
        queue_.clear();
    }
    startNext();
}

void LandscapeView::setModel(const ModelRequest& request, const QString& title) {
    model_ = request;
    controls_->setModel(request, title);
    slices_.clear();
    redraw();
    calibrate();
}

void LandscapeView::setDevice(const QString& device) {
    if (device != device_) {
        device_ = device;
        calibrate();
    }
}

void LandscapeView::calibrate() {
    showEstimate();
    // Timing a model costs a few forwards: spend them only on a view someone looks at.
    calibrationPending_ = !isVisible();
    if (model_.location.empty() || calibrationPending_) {
        return;
    }
    for (const ModelRequest& request : modelsToRun()) {
        if (!secondsPerImage_.contains(costKey(QString::fromStdString(request.location))) ||
            request.kind == ModelKind::Memory) {  // a network just trained may change shape
            const QString device = device_;
            runner_->runQuietly<double>(
                [request, device](StudyContext& context) {
                    return landscapeSecondsPerImage(context.resources(), request,
                                                    device.toStdString());
                },
                [this, location = QString::fromStdString(request.location),
                 device](const double& seconds) {
                    secondsPerImage_[costKey(device, location)] = seconds;
                    showEstimate();
                });
        }
    }
}

double LandscapeView::estimatedSeconds() const {
    if (model_.location.empty()) {
        return -1;
    }
    const LandscapeOptions o = options();
    double seconds = 0;
    for (const ModelRequest& request : modelsToRun()) {
        const auto cost = secondsPerImage_.find(costKey(QString::fromStdString(request.location)));
        if (cost == secondsPerImage_.end()) {
            return -1;
        }
        seconds += *cost * o.samples * o.evaluations();
    }
    return seconds;
}

void LandscapeView::showEstimate() {
    const double seconds = estimatedSeconds();
    const LandscapeOptions o = options();
    const int models = model_.location.empty() ? 0 : int(modelsToRun().size());
    const QString work =
        (models == 1 ? tr("1 model") : tr("%1 models").arg(models)) +
        tr(" × %1 points × %2 images").arg(countText(o.evaluations()), countText(o.samples));
    if (models == 0) {
        controls_->setNote(QString());
    } else if (seconds < 0) {
        controls_->setNote(tr("%1: timing the models…").arg(work));
    } else {
        controls_->setNote(tr("%1: about %2").arg(work, durationText(seconds)));
    }
    Q_EMIT estimateChanged();
}

void LandscapeView::setOptions(const LandscapeOptions& o) {
    samples_->setValue(o.samples);
    points_->setValue(o.points);
    range_->setValue(o.range);
    seed_->setValue(int(o.seed));
    twoD_->setChecked(o.twoD);
}

LandscapeOptions LandscapeView::options() const {
    LandscapeOptions o;
    o.samples = samples_->value();
    o.points = points_->value();
    o.range = range_->value();
    o.seed = uint64_t(seed_->value());
    o.twoD = twoD_->isChecked();
    return o;
}

QVector<ModelRequest> LandscapeView::modelsToRun() const {
    const std::vector<ModelRequest> models = modelWithTwin(model_);
    return QVector<ModelRequest>(models.begin(), models.end());
}

void LandscapeView::run() {
    if (running()) {
        return;
    }
    slices_.clear();
    redraw();
    queue_ = modelsToRun();
    controls_->setRunning(true);
    startNext();
}

void LandscapeView::cancel() {
    queue_.clear();
    runner_->cancel();
}

void LandscapeView::startNext() {
    if (queue_.isEmpty()) {
        controls_->setRunning(false);
        controls_->showIdle(slices_.isEmpty() ? QString() : tr("done"));
        Q_EMIT allFinished();
        return;
    }
    const ModelRequest request = queue_.takeFirst();
    controls_->setRunning(true);
    const std::string data = data_->text().trimmed().toStdString();
    const std::string device = device_.toStdString();
    const LandscapeOptions o = options();
    runner_->run<NamedLandscape>(
        [request, data, device, o](StudyContext& context) {
            return runLandscape(
                context.resources(), request, DataSpec::parse(data), device, o,
                [&context](int done, int total) { return context.progress(done, total); });
        },
        [this](const NamedLandscape& slice) { onSlice(slice); });
}

void LandscapeView::redraw() {
    QChart* chart = curves_->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    const bool twoD = !slices_.isEmpty() && !slices_.front().result.betas.empty();
    curves_->setVisible(!twoD);
    left_->setVisible(twoD);
    right_->setVisible(twoD && slices_.size() > 1);
    if (twoD) {
        QVector<QVector<double>> grids;
        for (const NamedLandscape& s : slices_) {
            grids << QVector<double>(s.result.loss.begin(), s.result.loss.end());
        }
        const QVector<double> levels = LandscapeMap::logLevels(grids, 12);
        LandscapeMap* maps[] = {left_, right_};
        for (int i = 0; i < std::min<int>(2, slices_.size()); ++i) {
            const NamedLandscape& s = slices_[i];
            maps[i]->showSlice(QString::fromStdString(s.title), grids[i],
                               int(s.result.alphas.size()), levels,
                               s.result.alphas.empty() ? 1 : s.result.alphas.back());
        }
        return;
    }
    auto* x = new QValueAxis;
    x->setTitleText(tr("α (along the direction)"));
    auto* y = new QLogValueAxis;
    y->setTitleText(tr("loss (log scale)"));
    y->setLabelFormat("%.2g");
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double low = 1e9, high = 0, range = 1;
    for (int i = 0; i < slices_.size(); ++i) {
        const LandscapeResult& r = slices_[i].result;
        auto* series = new QLineSeries;
        series->setName(QString::fromStdString(slices_[i].title));
        series->setPen(QPen(runColor(i), 2));
        series->setPointsVisible(true);
        for (size_t k = 0; k < r.alphas.size(); ++k) {
            if (std::isfinite(r.loss[k]) && r.loss[k] > 0) {
                series->append(r.alphas[k], r.loss[k]);
                low = std::min(low, r.loss[k]);
                high = std::max(high, r.loss[k]);
            }
        }
        range = r.alphas.empty() ? 1 : r.alphas.back();
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    x->setRange(-range, range);
    y->setRange(high > 0 ? low / 1.5 : 0.01, high > 0 ? high * 1.5 : 10);
}

QString LandscapeView::exportCharts(const QString& path) {
    return saveWidgetAs(charts_, path, tr("ResLens loss landscape"));
}

QString LandscapeView::exportCsv(const QString& path) const {
    return saveLandscapeCsv(slices_, options().seed, path);
}

}  // namespace reslens
