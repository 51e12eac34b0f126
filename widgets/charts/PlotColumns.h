#pragma once

// How many pixel columns a chart's plot area has on screen: the resolution its series are
// aggregated to (M4Aggregate). Before the first layout the plot area is empty; the view's
// width stands in until it is laid out, when the chart asks for its history again.

#include <QChart>
#include <QChartView>

#include <algorithm>
#include <cmath>

namespace reslens {

inline int plotColumns(const QChartView* view) {
    const double width = view->chart()->plotArea().width() > 0
                             ? view->chart()->plotArea().width()
                             : double(std::max(view->width(), 400));
    return std::max(16, int(std::ceil(width * view->devicePixelRatioF())));
}

// Calls `resample` whenever `view`'s plot area is laid out at another number of pixel
// columns than `aggregatedFor()` says its series were folded for; `drawsNothing()` true
// leaves it alone (no series yet).
template <typename AggregatedFor, typename DrawsNothing, typename Resample>
void onPlotColumnsChanged(QChartView* view, AggregatedFor aggregatedFor, DrawsNothing drawsNothing,
                          Resample resample) {
    QObject::connect(view->chart(), &QChart::plotAreaChanged, view, [=] {
        if (!drawsNothing() && plotColumns(view) != aggregatedFor()) {
            resample();
        }
    });
}

}  // namespace reslens
