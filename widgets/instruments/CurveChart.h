#pragma once

// A line chart the instruments redraw whole from their results: a few named curves over a
// shared x axis (the derivative along the line, its autocorrelation, probe accuracy by
// depth). Each redraw replaces the series and rescales the axes.

#include <QChartView>
#include <QPen>
#include <QString>
#include <QVector>

namespace reslens {

struct Curve {
    QString name;
    QVector<double> x;
    QVector<double> y;
    QPen pen;
};

class CurveChart : public QChartView {
    Q_OBJECT

public:
    CurveChart(const QString& title, const QString& xTitle, const QString& yTitle,
               QWidget* parent = nullptr);

    // `yMin`/`yMax` fix the y range (e.g. −1..1 for an autocorrelation); NaN: from the data.
    void setCurves(const QVector<Curve>& curves, double yMin = qQNaN(), double yMax = qQNaN());
    int curveCount() const { return count_; }
    // Whole-number x values (lags, block indices): ticks at round whole numbers, labelled so.
    void setWholeNumberX(bool whole) { wholeX_ = whole; }

private:
    QString xTitle_, yTitle_;
    int count_ = 0;
    bool wholeX_ = false;
};

// Skip networks solid, plain ones dashed (the studies' convention); `index` picks the colour.
QPen curvePen(int index, bool plain);

}  // namespace reslens
