#include "widgets/charts/SeriesLayer.h"

#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QValueAxis>

#include <cmath>

namespace reslens {
namespace {

// Where a value falls along an axis, 0 at its minimum and 1 at its maximum; NaN for a value
// the axis cannot show (0 or less on a log axis).
struct AxisScale {
    double low = 0, high = 1;
    bool log = false;
    explicit AxisScale(const QAbstractAxis* axis) {
        if (const auto* value = qobject_cast<const QValueAxis*>(axis)) {
            low = value->min();
            high = value->max();
        } else if (const auto* logAxis = qobject_cast<const QLogValueAxis*>(axis)) {
            log = true;
            low = std::log(logAxis->min());
            high = std::log(logAxis->max());
        }
    }
    double operator()(double v) const {
        if (log) {
            if (!(v > 0)) {
                return std::nan("");
            }
            v = std::log(v);
        }
        return high > low ? (v - low) / (high - low) : 0.5;
    }
};

}  // namespace

SeriesLayer::SeriesLayer(QChart* chart) : QGraphicsObject(chart), chart_(chart) {
    setZValue(5);  // above the grid, below the axes' labels and the legend
    connect(chart, &QChart::plotAreaChanged, this, [this] {
        prepareGeometryChange();
        update();
    });
}

void SeriesLayer::follow(QAbstractAxis* axis) {
    if (!axis || followed_.contains(axis)) {
        return;
    }
    followed_ << axis;
    // A new range moves every point: repaint (the points themselves stay in data units).
    if (auto* value = qobject_cast<QValueAxis*>(axis)) {
        connect(value, &QValueAxis::rangeChanged, this, [this] { update(); });
    } else if (auto* logAxis = qobject_cast<QLogValueAxis*>(axis)) {
        connect(logAxis, &QLogValueAxis::rangeChanged, this, [this] { update(); });
    }
}

int SeriesLayer::addLine(QLineSeries* style, QAbstractAxis* yAxis) {
    follow(yAxis);
    const QList<QAbstractAxis*> horizontal = chart_->axes(Qt::Horizontal);
    follow(horizontal.isEmpty() ? nullptr : horizontal.first());
    connect(style, &QLineSeries::visibleChanged, this, [this] { update(); });
    lines_.push_back({style, yAxis, {}});
    update();
    return int(lines_.size()) - 1;
}

void SeriesLayer::clear() {
    for (const Line& line : lines_) {
        if (line.style) {
            disconnect(line.style, nullptr, this, nullptr);
        }
    }
    lines_.clear();
    update();
}

void SeriesLayer::setPoints(int line, QList<QPointF> points) {
    if (line >= 0 && line < lines_.size()) {
        lines_[line].points = std::move(points);
        update();
    }
}

QList<QPointF> SeriesLayer::points(int line) const {
    return line >= 0 && line < lines_.size() ? lines_[line].points : QList<QPointF>();
}

QRectF SeriesLayer::boundingRect() const {
    // The pen's width beyond the plot area, on every side.
    return chart_->plotArea().adjusted(-4, -4, 4, 4);
}

void SeriesLayer::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QList<QAbstractAxis*> horizontal = chart_->axes(Qt::Horizontal);
    if (horizontal.isEmpty()) {
        return;
    }
    const QRectF plot = chart_->plotArea();
    const AxisScale x(horizontal.first());
    painter->save();
    painter->setClipRect(plot);
    QPolygonF polyline;
    QVector<QLineF> segments;
    for (const Line& line : lines_) {
        if (!line.style || !line.style->isVisible() || line.points.isEmpty()) {
            continue;
        }
        const AxisScale y(line.yAxis);
        polyline.clear();
        polyline.reserve(line.points.size());
        for (const QPointF& p : line.points) {
            const double py = y(p.y());
            if (std::isnan(py)) {
                continue;
            }
            polyline << QPointF(plot.left() + x(p.x()) * plot.width(),
                                plot.bottom() - py * plot.height());
        }
        const QPen pen = line.style->pen();
        painter->setPen(pen);
        if (polyline.size() == 1) {
            painter->drawPoint(polyline.first());
        } else if (pen.widthF() <= 1.0) {
            painter->drawPolyline(polyline);  // the raster engine's fast cosmetic lines
        } else {
            // A wide polyline is stroked as one path with a join at every point, slow for
            // thousands of points going up and down a column; separate segments are not
            // (Qt Charts draws its lines the same way).
            segments.clear();
            segments.reserve(polyline.size() - 1);
            for (qsizetype i = 1; i < polyline.size(); ++i) {
                segments << QLineF(polyline[i - 1], polyline[i]);
            }
            painter->drawLines(segments);
        }
    }
    painter->restore();
}

}  // namespace reslens
