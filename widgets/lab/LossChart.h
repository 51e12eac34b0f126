#pragma once

// Loss (left axis) and batch accuracy (right axis, lighter) of every run over the steps,
// each series drawn from its per-pixel-column aggregate (M4Aggregate): the cost of a redraw
// follows the chart's width, not the run's length.

#include <QChartView>
#include <QPointF>

#include "widgets/charts/M4Aggregate.h"
#include "widgets/lab/TrainingTypes.h"

class QLineSeries;
class QValueAxis;

namespace reslens {

class SeriesLayer;

class LossChart : public QChartView {
    Q_OBJECT

public:
    explicit LossChart(QWidget* parent = nullptr);

    void reset(const QStringList& runs, qint64 totalSteps);
    void append(int run, const QVector<StepUpdate>& steps);
    int columns() const { return columns_; }
    int pointCount(int run) const;
    // What is drawn, for tests: (step, loss) and (step, accuracy) of a run.
    QList<QPointF> lossPoints(int run) const;
    QList<QPointF> accuracyPoints(int run) const;

Q_SIGNALS:
    // The plot's width changed: the aggregates were emptied, every step must be appended
    // again (the chart keeps no copy of the history).
    void resampleNeeded();

private:
    void resample();
    void draw(int run);

    SeriesLayer* layer_;  // draws the lines: loss of run r is line 2r, its accuracy 2r + 1
    QVector<QLineSeries*> loss_;
    QVector<QLineSeries*> accuracy_;
    QValueAxis* steps_;
    QValueAxis* lossAxis_;
    QValueAxis* accuracyAxis_;
    QVector<M4Aggregate> lossColumns_;
    QVector<M4Aggregate> accuracyColumns_;
    qint64 totalSteps_ = 1;
    int columns_ = 0;
    double maxLoss_ = 0;
};

}  // namespace reslens
