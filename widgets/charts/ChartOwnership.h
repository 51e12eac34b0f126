#pragma once

// QChartView::setChart takes the new chart but only releases the previous one -- "to avoid
// memory leaks users need to make sure the previous chart is deleted" (Qt's documentation).
// A QChartView made without a chart has a default one, so every view that sets its own
// chart leaked that default chart (found by LeakSanitizer, tools/sanitize.sh).

#include <QChart>
#include <QChartView>

#include "widgets/charts/ChartStyle.h"

namespace reslens {

// Gives `chart` to `view` and deletes the chart the view had. The chart then follows the
// app's chart style (presenter mode, ChartStyle.h).
inline void installChart(QChartView* view, QChart* chart) {
    QChart* previous = view->chart();
    view->setChart(chart);
    if (previous != chart) {
        delete previous;
    }
    followChartStyle(view);
}

}  // namespace reslens
