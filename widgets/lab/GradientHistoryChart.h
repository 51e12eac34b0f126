#pragma once

// One run's per-block gradient norms over the training steps: one series per block, log
// scale, coloured by depth. Points arrive in batches (append), so a burst of steps costs
// one redraw per series, and each series is drawn from its per-pixel-column aggregate
// (M4Aggregate), so a redraw costs the same at step 50 and at step 50,000.

#include <QChartView>
#include <QPointF>

#include "widgets/charts/M4Aggregate.h"
#include "widgets/lab/TrainingTypes.h"

class QLineSeries;
class QLogValueAxis;
class QValueAxis;

namespace reslens {

class SeriesLayer;

class GradientHistoryChart : public QChartView {
    Q_OBJECT

public:
    explicit GradientHistoryChart(QWidget* parent = nullptr);

    void reset(const QString& title, const QStringList& blocks, qint64 totalSteps);
    // Adds these steps' norms (parameter gradients, or output gradients when `outputs`).
    void append(const QVector<StepUpdate>& steps, bool outputs);
    void setNote(const QString& note);

    int columns() const { return columns_; }
    int seriesCount() const { return int(series_.size()); }
    int pointCount() const;                  // points in the first series
    QList<QPointF> points(int block) const;  // what is drawn, for tests

Q_SIGNALS:
    // The plot's width changed: the aggregates were emptied, every step must be appended
    // again (the chart keeps no copy of the history).
    void resampleNeeded();

private:
    void resample();

    SeriesLayer* layer_;  // draws the lines, one per block in the series' order
    QVector<QLineSeries*> series_;
    QVector<M4Aggregate> columnsOf_;  // one per series
    qint64 totalSteps_ = 1;
    int columns_ = 0;
    QValueAxis* steps_;
    QLogValueAxis* norms_;
    double low_ = 0;
    double high_ = 0;
    QString title_;
};

}  // namespace reslens
