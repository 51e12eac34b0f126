#include "widgets/lab/LossChart.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

#include "widgets/charts/ChartColors.h"
#include "widgets/charts/ChartOwnership.h"
#include "widgets/charts/PlotColumns.h"
#include "widgets/charts/SeriesLayer.h"

namespace reslens {

LossChart::LossChart(QWidget* parent)
    : QChartView(parent),
      steps_(new QValueAxis),
      lossAxis_(new QValueAxis),
      accuracyAxis_(new QValueAxis) {
    auto* chart = new QChart;
    // One legend entry per run: four ("resnet56 loss", "resnet56 accuracy", ...) did not fit
    // beside the other charts and were cut to "resnet5…".
    chart->setTitle(tr("Loss (dark) and batch accuracy (light)"));
    steps_->setTitleText(tr("step"));
    steps_->setLabelFormat("%d");
    lossAxis_->setTitleText(tr("loss"));
    accuracyAxis_->setTitleText(tr("accuracy"));
    accuracyAxis_->setRange(0, 1);
    chart->addAxis(steps_, Qt::AlignBottom);
    chart->addAxis(lossAxis_, Qt::AlignLeft);
    chart->addAxis(accuracyAxis_, Qt::AlignRight);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true);  // a name cut short all the same is in the tip
    installChart(this, chart);
    layer_ = new SeriesLayer(chart);
    setRenderHint(QPainter::Antialiasing);
    onPlotColumnsChanged(
        this, [this] { return columns_; }, [this] { return loss_.isEmpty(); },
        [this] {
            resample();
            Q_EMIT resampleNeeded();
        });
}

void LossChart::resample() {
    columns_ = plotColumns(this);
    for (int r = 0; r < loss_.size(); ++r) {
        lossColumns_[r].reset(0, double(totalSteps_), columns_);
        accuracyColumns_[r].reset(0, double(totalSteps_), columns_);
    }
}

void LossChart::draw(int run) {
    // The layer draws the aggregates; the series hold no points (legend and pen only).
    if (lossColumns_[run].changed()) {
        layer_->setPoints(2 * run, lossColumns_[run].points());
    }
    if (accuracyColumns_[run].changed()) {
        layer_->setPoints(2 * run + 1, accuracyColumns_[run].points());
    }
}

void LossChart::reset(const QStringList& runs, qint64 totalSteps) {
    layer_->clear();  // before the series it draws with are deleted
    chart()->removeAllSeries();
    loss_.clear();
    accuracy_.clear();
    maxLoss_ = 0;
    totalSteps_ = std::max<qint64>(totalSteps, 1);
    lossColumns_ = QVector<M4Aggregate>(runs.size());
    accuracyColumns_ = QVector<M4Aggregate>(runs.size());
    for (int r = 0; r < runs.size(); ++r) {
        auto* loss = new QLineSeries;
        loss->setName(runs[r]);
        loss->setPen(QPen(runColor(r), 1.5));
        auto* accuracy = new QLineSeries;
        accuracy->setName(tr("%1 accuracy").arg(runs[r]));
        // A lighter solid line, not a dashed one: stroking a dashed polyline of hundreds of
        // noisy points is slow enough to hold up the event loop during training.
        accuracy->setPen(QPen(runColor(r).lighter(140), 1.0));
        chart()->addSeries(loss);
        chart()->addSeries(accuracy);
        chart()->legend()->markers(accuracy).first()->setVisible(false);
        loss->attachAxis(steps_);
        loss->attachAxis(lossAxis_);
        accuracy->attachAxis(steps_);
        accuracy->attachAxis(accuracyAxis_);
        layer_->addLine(loss, lossAxis_);
        layer_->addLine(accuracy, accuracyAxis_);
        loss_.push_back(loss);
        accuracy_.push_back(accuracy);
    }
    steps_->setRange(0, double(totalSteps_));
    lossAxis_->setRange(0, 1);
    resample();
}

void LossChart::append(int run, const QVector<StepUpdate>& steps) {
    if (run < 0 || run >= loss_.size() || steps.isEmpty()) {
        return;
    }
    for (const StepUpdate& s : steps) {
        if (std::isfinite(s.loss)) {
            lossColumns_[run].add(double(s.step), s.loss);
            maxLoss_ = std::max(maxLoss_, s.loss);
        }
        accuracyColumns_[run].add(double(s.step), s.accuracy);
    }
    draw(run);
    lossAxis_->setRange(0, std::max(1.0, std::ceil(maxLoss_ * 1.05 * 10) / 10));
}

QList<QPointF> LossChart::lossPoints(int run) const {
    return run >= 0 && run < loss_.size() ? layer_->points(2 * run) : QList<QPointF>();
}

QList<QPointF> LossChart::accuracyPoints(int run) const {
    return run >= 0 && run < accuracy_.size() ? layer_->points(2 * run + 1) : QList<QPointF>();
}

int LossChart::pointCount(int run) const {
    return int(lossPoints(run).size());
}

}  // namespace reslens
