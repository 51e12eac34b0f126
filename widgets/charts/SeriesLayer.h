#pragma once

// Lines drawn straight onto a chart's plot area, for series that change many times a
// second. A QLineSeries re-lays out its whole geometry on every change, and builds a stroked
// outline of the line for mouse hits (QPainterPathStroker, an atan2 per joint): with a
// dozen gradient-norm series of a few thousand points that took a fifth of a core during
// training. Here a change only repaints: the points are mapped through the axes' ranges and
// drawn as one polyline each. Each line keeps an empty QLineSeries beside it for its legend
// entry and its pen (presenter mode restyles that pen; the line follows).

#include <QGraphicsObject>
#include <QList>
#include <QPointF>
#include <QVector>

class QAbstractAxis;
class QChart;
class QLineSeries;

namespace reslens {

class SeriesLayer : public QGraphicsObject {
    Q_OBJECT

public:
    // Draws over `chart`'s plot area, against its horizontal axis.
    explicit SeriesLayer(QChart* chart);

    // A line drawn with `style`'s pen while `style` is visible, against `yAxis` (a
    // QValueAxis or a QLogValueAxis). Returns its index.
    int addLine(QLineSeries* style, QAbstractAxis* yAxis);
    void clear();
    void setPoints(int line, QList<QPointF> points);
    QList<QPointF> points(int line) const;
    int lineCount() const { return int(lines_.size()); }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    struct Line {
        QLineSeries* style = nullptr;
        QAbstractAxis* yAxis = nullptr;
        QList<QPointF> points;
    };
    void follow(QAbstractAxis* axis);

    QChart* chart_;
    QVector<Line> lines_;
    QList<QAbstractAxis*> followed_;
};

}  // namespace reslens
