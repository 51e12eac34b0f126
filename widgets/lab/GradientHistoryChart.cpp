#include "widgets/lab/GradientHistoryChart.h"

#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>

#include <cmath>

#include "widgets/charts/ChartColors.h"
#include "widgets/charts/ChartOwnership.h"
#include "widgets/charts/PlotColumns.h"
#include "widgets/charts/SeriesLayer.h"

namespace reslens {

GradientHistoryChart::GradientHistoryChart(QWidget* parent)
    : QChartView(parent), steps_(new QValueAxis), norms_(new QLogValueAxis) {
    auto* chart = new QChart;
    steps_->setTitleText(tr("step"));
    steps_->setLabelFormat("%d");
    norms_->setTitleText(tr("gradient norm (log)"));
    norms_->setLabelFormat("%.0e");
    norms_->setBase(10);
    chart->addAxis(steps_, Qt::AlignBottom);
    chart->addAxis(norms_, Qt::AlignLeft);
    chart->legend()->hide();  // dozens of blocks: the colour ramp says shallow to deep
    installChart(this, chart);
    layer_ = new SeriesLayer(chart);
    // Dozens of series redrawn while training holds both cores: plain 1-pixel lines draw
    // several times faster than antialiased ones.
    setRenderHint(QPainter::Antialiasing, false);
    onPlotColumnsChanged(
        this, [this] { return columns_; }, [this] { return series_.isEmpty(); },
        [this] {
            resample();
            Q_EMIT resampleNeeded();
        });
}

void GradientHistoryChart::resample() {
    columns_ = plotColumns(this);
    for (M4Aggregate& a : columnsOf_) {
        a.reset(0, double(totalSteps_), columns_);
    }
}

void GradientHistoryChart::reset(const QString& title, const QStringList& blocks,
                                 qint64 totalSteps) {
    title_ = title;
    layer_->clear();  // before the series it draws with are deleted
    chart()->removeAllSeries();
    series_.clear();
    columnsOf_ = QVector<M4Aggregate>(blocks.size());
    totalSteps_ = std::max<qint64>(totalSteps, 1);
    low_ = high_ = 0;
    for (int i = 0; i < blocks.size(); ++i) {
        auto* s = new QLineSeries;
        s->setName(blocks[i]);
        QPen pen(depthColor(i, int(blocks.size())));
        pen.setWidthF(1.0);  // 1 pixel: the raster engine's fast lines (SeriesLayer)
        s->setPen(pen);
        chart()->addSeries(s);
        s->attachAxis(steps_);
        s->attachAxis(norms_);
        layer_->addLine(s, norms_);
        series_.push_back(s);
    }
    chart()->setTitle(
        tr("%1: per-block gradient norms (shallow = violet, deep = yellow)").arg(title));
    steps_->setRange(0, double(totalSteps_));
    norms_->setRange(1e-4, 1);
    resample();
}

void GradientHistoryChart::append(const QVector<StepUpdate>& steps, bool outputs) {
    if (steps.isEmpty() || series_.isEmpty()) {
        return;
    }
    for (const StepUpdate& s : steps) {
        const QVector<double>& norms = outputs ? s.outputNorms : s.blockNorms;
        for (int b = 0; b < norms.size() && b < series_.size(); ++b) {
            const double v = norms[b];
            if (!std::isfinite(v) || v <= 0) {
                continue;  // a log axis has no place for 0, NaN or Inf
            }
            columnsOf_[b].add(double(s.step), v);
            low_ = low_ > 0 ? std::min(low_, v) : v;
            high_ = std::max(high_, v);
        }
    }
    for (int b = 0; b < series_.size(); ++b) {
        // The layer draws the aggregates; the series hold no points (pen only).
        if (columnsOf_[b].changed()) {
            layer_->setPoints(b, columnsOf_[b].points());
        }
    }
    if (low_ > 0) {
        norms_->setRange(std::pow(10.0, std::floor(std::log10(low_))),
                         std::pow(10.0, std::ceil(std::log10(high_) + 1e-9)));
    }
}

void GradientHistoryChart::setNote(const QString& note) {
    chart()->setTitle(
        note.isEmpty()
            ? tr("%1: per-block gradient norms (shallow = violet, deep = yellow)").arg(title_)
            : tr("%1: %2").arg(title_, note));
}

QList<QPointF> GradientHistoryChart::points(int block) const {
    return block >= 0 && block < series_.size() ? layer_->points(block) : QList<QPointF>();
}

int GradientHistoryChart::pointCount() const {
    return int(points(0).size());
}

}  // namespace reslens
