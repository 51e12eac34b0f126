#include "widgets/instruments/CurveChart.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "widgets/charts/ChartOwnership.h"

namespace reslens {
namespace {

// 1, 2 or 5 times a power of ten, giving about five intervals over `span`.
double niceStep(double span) {
    const double raw = span / 5.0;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 5.0}) {
        if (factor * power >= raw) {
            return factor * power;
        }
    }
    return 10.0 * power;
}

}  // namespace

QPen curvePen(int index, bool plain) {
    const QColor colors[] = {QColor(31, 119, 180), QColor(255, 127, 14),  QColor(44, 160, 44),
                             QColor(214, 39, 40),  QColor(148, 103, 189), QColor(140, 86, 75)};
    return QPen(colors[index % 6], 1.6, plain ? Qt::DashLine : Qt::SolidLine);
}

CurveChart::CurveChart(const QString& title, const QString& xTitle, const QString& yTitle,
                       QWidget* parent)
    : QChartView(parent), xTitle_(xTitle), yTitle_(yTitle) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    installChart(this, chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(260, 180);
    setCurves({});
}

void CurveChart::setCurves(const QVector<Curve>& curves, double yMin, double yMax) {
    QChart* c = chart();
    c->removeAllSeries();
    for (QAbstractAxis* axis : c->axes()) {
        c->removeAxis(axis);
        delete axis;
    }
    auto* x = new QValueAxis;
    x->setTitleText(xTitle_);
    auto* y = new QValueAxis;
    y->setTitleText(yTitle_);
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    bool any = false;
    for (const Curve& curve : curves) {
        auto* series = new QLineSeries;
        series->setName(curve.name);
        series->setPen(curve.pen);
        QList<QPointF> points;
        for (int i = 0; i < std::min(curve.x.size(), curve.y.size()); ++i) {
            if (!std::isfinite(curve.y[i])) {
                continue;
            }
            points.append(QPointF(curve.x[i], curve.y[i]));
            if (!any) {
                x0 = x1 = curve.x[i];
                y0 = y1 = curve.y[i];
                any = true;
            }
            x0 = std::min(x0, curve.x[i]);
            x1 = std::max(x1, curve.x[i]);
            y0 = std::min(y0, curve.y[i]);
            y1 = std::max(y1, curve.y[i]);
        }
        series->replace(points);
        c->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    count_ = int(curves.size());
    if (!std::isnan(yMin)) {
        y0 = yMin;
    }
    if (!std::isnan(yMax)) {
        y1 = yMax;
    }
    if (y1 <= y0) {
        y1 = y0 + 1;
    }
    if (x1 <= x0) {
        x1 = x0 + 1;
    }
    x->setRange(x0, x1);
    if (wholeX_) {
        x->setTickType(QValueAxis::TicksDynamic);
        x->setTickAnchor(0);
        x->setTickInterval(std::max(1.0, niceStep(x1 - x0)));
        x->setLabelFormat(QStringLiteral("%d"));
    }
    if (std::isnan(yMin) && std::isnan(yMax)) {
        y->setRange(y0 - 0.05 * (y1 - y0), y1 + 0.05 * (y1 - y0));
        y->applyNiceNumbers();  // round ticks for a range from the data
    } else {
        y->setRange(y0, y1);
    }
}

}  // namespace reslens
