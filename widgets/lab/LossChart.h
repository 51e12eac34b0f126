#pragma once

// Loss (left axis) and batch accuracy (right axis, lighter) of every run over the steps.

#include <QChartView>
#include <QPointF>

#include "widgets/lab/TrainingTypes.h"

class QLineSeries;
class QValueAxis;

namespace reslens {

class LossChart : public QChartView {
    Q_OBJECT

public:
    explicit LossChart(QWidget* parent = nullptr);

    void reset(const QStringList& runs, qint64 totalSteps);
    void append(int run, const QVector<StepUpdate>& steps);
    int pointCount(int run) const;
    // What is drawn, for tests: (step, loss) and (step, accuracy) of a run.
    QList<QPointF> lossPoints(int run) const;
    QList<QPointF> accuracyPoints(int run) const;

private:
    QVector<QLineSeries*> loss_;
    QVector<QLineSeries*> accuracy_;
    QValueAxis* steps_;
    QValueAxis* lossAxis_;
    QValueAxis* accuracyAxis_;
    double maxLoss_ = 0;
};

}  // namespace reslens
