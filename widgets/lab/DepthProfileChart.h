#pragma once

// The gradient norm of every block at the current step, against depth, with the skip and
// no-skip runs overlaid: flat for the residual network, a slope of orders of magnitude for
// its plain twin. The first step's profile -- where the plain net's spread is widest --
// stays beside it (dashed) once training has moved on, unless it is switched off.

#include <QChartView>
#include <QPointF>

class QLineSeries;
class QLogValueAxis;
class QValueAxis;

namespace reslens {

class DepthProfileChart : public QChartView {
    Q_OBJECT

public:
    explicit DepthProfileChart(QWidget* parent = nullptr);

    void reset(const QStringList& runs, int blocks);
    void setProfile(int run, qint64 step, const QVector<double>& norms);
    // The profile of a run's first step, kept while later steps replace the current one.
    void setFirstProfile(int run, const QVector<double>& norms);
    void setFirstStepShown(bool shown);
    bool firstStepShown() const { return firstShown_; }
    int seriesCount() const { return int(series_.size()); }
    int pointCount(int run) const;
    QList<QPointF> points(int run) const;  // what is drawn, for tests
    QList<QPointF> firstPoints(int run) const;

private:
    void updateRange();

    QVector<QLineSeries*> series_;
    QVector<QLineSeries*> first_;  // per run: the first step, dashed
    bool firstShown_ = true;
    QStringList runs_;
    QValueAxis* depth_;
    QLogValueAxis* norms_;
};

}  // namespace reslens
