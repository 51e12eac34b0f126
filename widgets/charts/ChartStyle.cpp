#include "widgets/charts/ChartStyle.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QApplication>
#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLegend>
#include <QPointer>
#include <QScatterSeries>
#include <QTimer>
#include <QXYSeries>

#include <algorithm>

namespace reslens {
namespace {

ChartStyle& style() {
    static ChartStyle current;
    return current;
}

// Bumped by every style change: a series styled under an older generation is restyled.
int& generation() {
    static int value = 1;
    return value;
}

constexpr const char* kGeneration = "reslensStyleGeneration";
// Set on a view that follows the style (a property: StyleFollower has no meta-object of its
// own for findChild to tell it apart by).
constexpr const char* kFollows = "reslensFollowsChartStyle";

// The value an object had before any styling, kept on the object itself the first time it is
// styled, so every style is computed from the chart's own design and never compounds.
template <typename T>
T base(QObject* object, const char* key, const T& current) {
    QVariant stored = object->property(key);
    if (!stored.isValid()) {
        stored = QVariant::fromValue(current);
        object->setProperty(key, stored);
    }
    return stored.value<T>();
}

double scale() {
    return style().scalePercent / 100.0;
}

QFont scaled(QFont font) {
    if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * scale());
    } else if (font.pixelSize() > 0) {
        font.setPixelSize(std::max(1, int(font.pixelSize() * scale() + 0.5)));
    }
    return font;
}

// Saturated and no lighter than mid-dark, so thin lines and yellow ends of viridis read on a
// washed-out projector; greys become black.
QColor contrasted(const QColor& color) {
    if (!style().highContrast || color.alpha() == 0) {
        return color;
    }
    if (color.hsvSaturation() < 40) {
        return QColor(0, 0, 0, color.alpha());
    }
    QColor out = QColor::fromHsv(color.hsvHue(), std::max(color.hsvSaturation(), 220),
                                 std::min(color.value(), 170));
    out.setAlpha(color.alpha());
    return out;
}

double lineFactor() {
    return scale() * (style().highContrast ? 1.5 : 1.0);
}

QPen styledPen(QObject* owner, const char* key, const QPen& current) {
    QPen pen = base<QPen>(owner, key, current);
    pen.setWidthF(std::max(pen.widthF(), 1.0) * lineFactor());
    pen.setColor(contrasted(pen.color()));
    return pen;
}

void styleSeries(QAbstractSeries* series) {
    if (series->property(kGeneration).toInt() == generation()) {
        return;
    }
    series->setProperty(kGeneration, generation());
    if (auto* xy = qobject_cast<QXYSeries*>(series)) {
        xy->setPen(styledPen(xy, "reslensBasePen", xy->pen()));
        if (auto* scatter = qobject_cast<QScatterSeries*>(xy)) {
            const double size = base<double>(scatter, "reslensBaseMarker", scatter->markerSize());
            scatter->setMarkerSize(size * scale());
            const QColor fill = base<QColor>(scatter, "reslensBaseColor", scatter->color());
            scatter->setColor(contrasted(fill));
        }
    } else if (auto* area = qobject_cast<QAreaSeries*>(series)) {
        area->setPen(styledPen(area, "reslensBasePen", area->pen()));
        const QColor fill = base<QColor>(area, "reslensBaseColor", area->color());
        area->setColor(contrasted(fill));
    } else if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
        for (QBarSet* set : bars->barSets()) {
            const QColor fill = base<QColor>(set, "reslensBaseColor", set->color());
            set->setColor(contrasted(fill));
            const QFont font = base<QFont>(set, "reslensBaseFont", set->labelFont());
            set->setLabelFont(scaled(font));
        }
    }
}

void styleAxis(QAbstractAxis* axis) {
    const QFont labels = base<QFont>(axis, "reslensBaseLabels", axis->labelsFont());
    const QFont title = base<QFont>(axis, "reslensBaseTitle", axis->titleFont());
    const QBrush labelBrush = base<QBrush>(axis, "reslensBaseLabelBrush", axis->labelsBrush());
    const QBrush titleBrush = base<QBrush>(axis, "reslensBaseTitleBrush", axis->titleBrush());
    const QPen line = base<QPen>(axis, "reslensBaseLine", axis->linePen());
    const QPen grid = base<QPen>(axis, "reslensBaseGrid", axis->gridLinePen());
    axis->setLabelsFont(scaled(labels));
    axis->setTitleFont(scaled(title));
    const bool contrast = style().highContrast;
    axis->setLabelsBrush(contrast ? QBrush(Qt::black) : labelBrush);
    axis->setTitleBrush(contrast ? QBrush(Qt::black) : titleBrush);
    QPen styledLine = line;
    styledLine.setWidthF(std::max(line.widthF(), 1.0) * lineFactor());
    if (contrast) {
        styledLine.setColor(Qt::black);
    }
    axis->setLinePen(styledLine);
    QPen styledGrid = grid;
    if (contrast) {
        styledGrid.setColor(QColor(150, 150, 150));
    }
    axis->setGridLinePen(styledGrid);
}

void styleChart(QChart* chart, bool everything) {
    if (everything) {
        const QFont title = base<QFont>(chart, "reslensBaseTitle", chart->titleFont());
        const QBrush titleBrush = base<QBrush>(chart, "reslensBaseTitleBrush", chart->titleBrush());
        const QBrush background =
            base<QBrush>(chart, "reslensBaseBackground", chart->backgroundBrush());
        chart->setTitleFont(scaled(title));
        chart->setTitleBrush(style().highContrast ? QBrush(Qt::black) : titleBrush);
        chart->setBackgroundBrush(style().highContrast ? QBrush(Qt::white) : background);
        QLegend* legend = chart->legend();
        const QFont legendFont = base<QFont>(legend, "reslensBaseFont", legend->font());
        const QBrush legendBrush = base<QBrush>(legend, "reslensBaseBrush", legend->labelBrush());
        legend->setFont(scaled(legendFont));
        legend->setLabelBrush(style().highContrast ? QBrush(Qt::black) : legendBrush);
    }
    for (QAbstractAxis* axis : chart->axes()) {
        if (everything || axis->property(kGeneration).toInt() != generation()) {
            axis->setProperty(kGeneration, generation());
            styleAxis(axis);
        }
    }
    for (QAbstractSeries* series : chart->series()) {
        styleSeries(series);
    }
}

// Styles series and axes a chart adds after its view began to follow the style: checked
// when the view paints (cheap: a property per series), applied after the paint event.
class StyleFollower : public QObject {
public:
    explicit StyleFollower(QChartView* view) : QObject(view), view_(view) {
        view->viewport()->installEventFilter(this);
    }

    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() == QEvent::Paint && !pending_ && needsStyle()) {
            pending_ = true;
            QTimer::singleShot(0, this, [this] {
                pending_ = false;
                if (view_ && view_->chart()) {
                    styleChart(view_->chart(), false);
                }
            });
        }
        return false;
    }

private:
    bool needsStyle() const {
        QChart* chart = view_->chart();
        if (!chart) {
            return false;
        }
        const auto series = chart->series();
        const auto axes = chart->axes();
        return std::any_of(
                   series.begin(), series.end(),
                   [](QObject* s) { return s->property(kGeneration).toInt() != generation(); }) ||
               std::any_of(axes.begin(), axes.end(), [](QObject* a) {
                   return a->property(kGeneration).toInt() != generation();
               });
    }

    QPointer<QChartView> view_;
    bool pending_ = false;
};

}  // namespace

const ChartStyle& currentChartStyle() {
    return style();
}

void setChartStyle(const ChartStyle& next) {
    if (next == style()) {
        return;
    }
    style() = next;
    ++generation();
    for (QWidget* widget : QApplication::allWidgets()) {
        auto* view = qobject_cast<QChartView*>(widget);
        if (view && view->chart() && view->property(kFollows).toBool()) {
            styleChart(view->chart(), true);
        }
    }
}

void followChartStyle(QChartView* view) {
    if (!view->property(kFollows).toBool()) {
        view->setProperty(kFollows, true);
        new StyleFollower(view);
    }
    if (view->chart()) {
        styleChart(view->chart(), true);
    }
}

}  // namespace reslens
