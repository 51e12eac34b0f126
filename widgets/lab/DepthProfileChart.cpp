#include "widgets/lab/DepthProfileChart.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>

#include <cmath>

#include "widgets/charts/ChartColors.h"
#include "widgets/charts/ChartOwnership.h"

namespace reslens {

DepthProfileChart::DepthProfileChart(QWidget* parent)
    : QChartView(parent), depth_(new QValueAxis), norms_(new QLogValueAxis) {
    auto* chart = new QChart;
    chart->setTitle(tr("Gradient norm against depth, now (dashed: step 1)"));
    depth_->setTitleText(tr("block (input side → output side)"));
    depth_->setLabelFormat("%d");
    norms_->setTitleText(tr("gradient norm (log)"));
    norms_->setLabelFormat("%.0e");
    chart->addAxis(depth_, Qt::AlignBottom);
    chart->addAxis(norms_, Qt::AlignLeft);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true);
    installChart(this, chart);
    setRenderHint(QPainter::Antialiasing);
}

namespace {

QList<QPointF> profilePoints(const QVector<double>& norms) {
    QList<QPointF> points;
    for (int b = 0; b < norms.size(); ++b) {
        if (std::isfinite(norms[b]) && norms[b] > 0) {
            points.append(QPointF(b + 1, norms[b]));
        }
    }
    return points;
}

}  // namespace

void DepthProfileChart::reset(const QStringList& runs, int blocks) {
    chart()->removeAllSeries();
    series_.clear();
    first_.clear();
    runs_ = runs;
    for (int r = 0; r < runs.size(); ++r) {
        // Added first, so the current step's line is drawn over it.
        auto* first = new QLineSeries;
        first->setName(tr("%1, step 1").arg(runs[r]));
        first->setPen(QPen(runColor(r).lighter(130), 1.5, Qt::DashLine));
        first->setVisible(firstShown_);
        chart()->addSeries(first);
        // The title says what dashed means: one legend entry per run keeps names whole.
        chart()->legend()->markers(first).first()->setVisible(false);
        first->attachAxis(depth_);
        first->attachAxis(norms_);
        first_.push_back(first);
    }
    for (int r = 0; r < runs.size(); ++r) {
        auto* s = new QLineSeries;
        s->setName(runs[r]);
        s->setPen(QPen(runColor(r), 2));
        s->setPointsVisible(true);
        chart()->addSeries(s);
        s->attachAxis(depth_);
        s->attachAxis(norms_);
        series_.push_back(s);
    }
    depth_->setRange(0.5, std::max(blocks, 1) + 0.5);
    depth_->setTickType(QValueAxis::TicksDynamic);
    depth_->setTickAnchor(1);
    depth_->setTickInterval(std::max(1.0, std::ceil(blocks / 12.0)));
    norms_->setRange(1e-4, 1);
}

void DepthProfileChart::setProfile(int run, qint64 step, const QVector<double>& norms) {
    if (run < 0 || run >= series_.size()) {
        return;
    }
    series_[run]->replace(profilePoints(norms));
    chart()->setTitle(tr("Gradient norm against depth at step %1").arg(step));
    updateRange();
}

void DepthProfileChart::setFirstProfile(int run, const QVector<double>& norms) {
    if (run < 0 || run >= first_.size()) {
        return;
    }
    first_[run]->replace(profilePoints(norms));
    updateRange();
}

void DepthProfileChart::setFirstStepShown(bool shown) {
    firstShown_ = shown;
    for (QLineSeries* s : first_) {
        s->setVisible(shown);
    }
    updateRange();
}

QList<QPointF> DepthProfileChart::firstPoints(int run) const {
    return run >= 0 && run < first_.size() ? first_[run]->points() : QList<QPointF>();
}

QList<QPointF> DepthProfileChart::points(int run) const {
    return run >= 0 && run < series_.size() ? series_[run]->points() : QList<QPointF>();
}

int DepthProfileChart::pointCount(int run) const {
    return run >= 0 && run < series_.size() ? int(series_[run]->count()) : 0;
}

void DepthProfileChart::updateRange() {
    double low = 0, high = 0;
    QVector<QLineSeries*> shown = series_;
    if (firstShown_) {
        shown += first_;
    }
    for (const QLineSeries* s : shown) {
        for (const QPointF& p : s->points()) {
            low = low > 0 ? std::min(low, p.y()) : p.y();
            high = std::max(high, p.y());
        }
    }
    if (low > 0) {
        norms_->setRange(std::pow(10.0, std::floor(std::log10(low))),
                         std::pow(10.0, std::ceil(std::log10(high) + 1e-9)));
    }
}

}  // namespace reslens
