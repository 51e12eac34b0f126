#pragma once

// A live series drawn in time proportional to the chart's width, not to its history: per
// pixel column, the first, last, smallest and largest sample (the M4 aggregation of Jugel et
// al. 2014, "M4: A Visualization-Oriented Time Series Data Aggregation"). A polyline through
// those four points in x order colours the same pixels as the polyline through every sample,
// spikes included, so a 5,000-step run draws at most four points per column. Samples are
// folded in as they arrive (add); the samples themselves stay with their owner (the lab's
// TrainingHistory), which feeds them again when the column count changes.

#include <QList>
#include <QPointF>

#include <vector>

namespace reslens {

class M4Aggregate {
public:
    // Columns spanning [xMin, xMax] (the chart's fixed x axis); forgets every sample.
    void reset(double xMin, double xMax, int columns);
    // One sample; x outside the range is folded into the first or last column.
    void add(double x, double y);

    int columns() const { return int(columns_.size()); }
    qsizetype samples() const { return samples_; }
    // What changed since the last points(): a chart replaces only the series that did.
    bool changed() const { return changed_; }
    // At most four points per column that holds samples, in x order, repeats removed.
    QList<QPointF> points();

private:
    struct Column {
        QPointF first, last, low, high;
        bool used = false;
    };
    std::vector<Column> columns_;
    double xMin_ = 0;
    double scale_ = 0;  // columns per unit of x
    qsizetype samples_ = 0;
    bool changed_ = false;
};

}  // namespace reslens
