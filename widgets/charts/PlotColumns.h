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

}  // namespace reslens
