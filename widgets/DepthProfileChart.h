#pragma once

// The gradient norm of every block at the current step, against depth, with the skip and
// no-skip runs overlaid: flat for the residual network, a slope of orders of magnitude for
// its plain twin.

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
    int seriesCount() const { return int(series_.size()); }
    int pointCount(int run) const;
    QList<QPointF> points(int run) const;  // what is drawn, for tests

private:
    void updateRange();

    QVector<QLineSeries*> series_;
    QStringList runs_;
    QValueAxis* depth_;
    QLogValueAxis* norms_;
};

}  // namespace reslens
