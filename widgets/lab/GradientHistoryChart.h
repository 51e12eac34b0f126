#pragma once

// One run's per-block gradient norms over the training steps: one series per block, log
// scale, coloured by depth. Points arrive in batches (append), so a burst of steps costs
// one redraw per series.

#include <QChartView>
#include <QPointF>

#include "widgets/lab/TrainingTypes.h"

class QLineSeries;
class QLogValueAxis;
class QValueAxis;

namespace reslens {

class GradientHistoryChart : public QChartView {
    Q_OBJECT

public:
    explicit GradientHistoryChart(QWidget* parent = nullptr);

    void reset(const QString& title, const QStringList& blocks, qint64 totalSteps);
    // Adds these steps' norms (parameter gradients, or output gradients when `outputs`).
    void append(const QVector<StepUpdate>& steps, bool outputs);
    void setNote(const QString& note);

    int seriesCount() const { return int(series_.size()); }
    int pointCount() const;                  // points in the first series
    QList<QPointF> points(int block) const;  // what is drawn, for tests

private:
    QVector<QLineSeries*> series_;
    QValueAxis* steps_;
    QLogValueAxis* norms_;
    double low_ = 0;
    double high_ = 0;
    QString title_;
};

}  // namespace reslens
