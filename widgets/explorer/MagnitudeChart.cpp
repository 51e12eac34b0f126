#include "widgets/explorer/MagnitudeChart.h"

#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "widgets/charts/ChartOwnership.h"

namespace reslens {

MagnitudeChart::MagnitudeChart(QWidget* parent)
    : QChartView(parent),
      residual_(new QLineSeries),
      shortcut_(new QLineSeries),
      ratio_(new QLineSeries),
      selection_(new QScatterSeries),
      x_(new QValueAxis),
      norms_(new QValueAxis),
      ratioAxis_(new QValueAxis) {
    auto* chart = new QChart;
    chart->setTitle(tr("Residual branch against shortcut, block by block"));
    residual_->setName(tr("‖F(x)‖"));
    shortcut_->setName(tr("‖shortcut‖"));
    ratio_->setName(tr("‖F(x)‖ / ‖shortcut‖ (right axis)"));
    selection_->setName(tr("selected block"));
    residual_->setPointsVisible(true);
    shortcut_->setPointsVisible(true);
    QPen dashed = ratio_->pen();
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(1.5);
    ratio_->setPen(dashed);
    selection_->setMarkerSize(14);
    selection_->setColor(QColor(0, 0, 0, 0));
    selection_->setBorderColor(Qt::red);
    for (QAbstractSeries* series :
         {static_cast<QAbstractSeries*>(residual_), static_cast<QAbstractSeries*>(shortcut_),
          static_cast<QAbstractSeries*>(ratio_), static_cast<QAbstractSeries*>(selection_)}) {
        chart->addSeries(series);
    }
    x_->setTitleText(tr("block"));
    x_->setLabelFormat("%d");
    norms_->setTitleText(tr("L2 norm"));
    ratioAxis_->setTitleText(tr("ratio"));
    chart->addAxis(x_, Qt::AlignBottom);
    chart->addAxis(norms_, Qt::AlignLeft);
    chart->addAxis(ratioAxis_, Qt::AlignRight);
    for (QAbstractSeries* series :
         {static_cast<QAbstractSeries*>(residual_), static_cast<QAbstractSeries*>(shortcut_),
          static_cast<QAbstractSeries*>(selection_)}) {
        series->attachAxis(x_);
        series->attachAxis(norms_);
    }
    ratio_->attachAxis(x_);
    ratio_->attachAxis(ratioAxis_);
    chart->legend()->setAlignment(Qt::AlignBottom);
    installChart(this, chart);
    setRenderHint(QPainter::Antialiasing);
    // Room for title, axes and legend in any font (CJK fonts run ~1.4x taller): below
    // this its axis labels elide.
    setMinimumHeight(230);

    for (QXYSeries* series :
         {static_cast<QXYSeries*>(residual_), static_cast<QXYSeries*>(shortcut_),
          static_cast<QXYSeries*>(ratio_)}) {
        connect(series, &QXYSeries::clicked, this,
                [this](const QPointF& point) { Q_EMIT blockClicked(int(point.x() + 0.5) - 1); });
    }
}

void MagnitudeChart::setMagnitudes(const QVector<BlockMagnitude>& blocks) {
    blocks_ = blocks;
    QList<QPointF> residual, shortcut, ratio;
    double top = 0, ratioTop = 0;
    for (int i = 0; i < blocks.size(); ++i) {
        const BlockMagnitude& b = blocks[i];
        residual.append(QPointF(i + 1, b.residualNorm));
        top = std::max(top, b.residualNorm);
        if (b.shortcutNorm) {
            shortcut.append(QPointF(i + 1, *b.shortcutNorm));
            top = std::max(top, *b.shortcutNorm);
        }
        if (b.ratio) {
            ratio.append(QPointF(i + 1, *b.ratio));
            ratioTop = std::max(ratioTop, *b.ratio);
        }
    }
    // replace() redraws once per series instead of once per point.
    residual_->replace(residual);
    shortcut_->replace(shortcut);
    ratio_->replace(ratio);
    x_->setRange(0.5, std::max<qsizetype>(1, blocks.size()) + 0.5);
    // Ticks on whole blocks only: 1, 2, 3, ... (every k-th for deep networks).
    x_->setTickType(QValueAxis::TicksDynamic);
    x_->setTickAnchor(1);
    x_->setTickInterval(std::max(1.0, std::ceil(blocks.size() / 12.0)));
    norms_->setRange(0, top > 0 ? top * 1.1 : 1);
    ratioAxis_->setRange(0, ratioTop > 0 ? ratioTop * 1.1 : 1);
    ratioAxis_->setVisible(!ratio.isEmpty());
    updateSelection();
}

void MagnitudeChart::setSelectedBlock(int block) {
    selected_ = block;
    updateSelection();
}

int MagnitudeChart::pointCount() const {
    return int(residual_->count());
}

void MagnitudeChart::updateSelection() {
    QList<QPointF> marks;
    if (selected_ >= 0 && selected_ < blocks_.size()) {
        const BlockMagnitude& b = blocks_[selected_];
        marks.append(QPointF(selected_ + 1, b.residualNorm));
        if (b.shortcutNorm) {
            marks.append(QPointF(selected_ + 1, *b.shortcutNorm));
        }
    }
    selection_->replace(marks);
}

}  // namespace reslens
