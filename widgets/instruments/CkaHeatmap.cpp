#include "widgets/instruments/CkaHeatmap.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace reslens {
namespace {

// Viridis at five stops, interpolated: perceptually even, readable in grey.
QColor viridis(double v) {
    static const QColor stops[] = {QColor(68, 1, 84), QColor(59, 82, 139), QColor(33, 145, 140),
                                   QColor(94, 201, 98), QColor(253, 231, 37)};
    v = std::clamp(v, 0.0, 1.0) * 4.0;
    const int i = std::min(3, int(std::floor(v)));
    const double f = v - i;
    const QColor& a = stops[i];
    const QColor& b = stops[i + 1];
    return QColor(int(a.red() + f * (b.red() - a.red())),
                  int(a.green() + f * (b.green() - a.green())),
                  int(a.blue() + f * (b.blue() - a.blue())));
}

}  // namespace

CkaHeatmap::CkaHeatmap(QWidget* parent) : QWidget(parent) {
    setMinimumSize(240, 240);
}

void CkaHeatmap::setResult(const SimilarityResult& result) {
    result_ = result;
    update();
}

void CkaHeatmap::clear() {
    result_ = SimilarityResult();
    update();
}

void CkaHeatmap::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    if (result_.cka.empty()) {
        painter.drawText(rect(), Qt::AlignCenter, tr("No similarity measured yet"));
        return;
    }
    const int n = int(result_.cka.size());
    const QFontMetrics metrics(font());
    const int title = metrics.height() + 6;
    const int labels = metrics.horizontalAdvance(QStringLiteral("layer3.10")) + 6;
    const int bar = 46;
    const int side = std::max(10, std::min(width() - labels - bar - 8, height() - title - 8));
    const double cell = double(side) / n;
    const QRectF area(labels, title, side, side);
    painter.drawText(QRect(0, 0, width(), title), Qt::AlignCenter,
                     tr("%1 · linear CKA over %2 images")
                         .arg(QString::fromStdString(result_.title))
                         .arg(result_.samples));
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            painter.fillRect(
                QRectF(area.left() + j * cell, area.top() + i * cell, cell + 0.5, cell + 0.5),
                viridis(result_.cka[size_t(i)][size_t(j)]));
        }
    }
    // The stage boundaries, and a name per stage's first block (every block when few).
    painter.setPen(QPen(Qt::white, 1.5));
    for (int i = 1; i < n; ++i) {
        if (result_.stages[size_t(i)] != result_.stages[size_t(i - 1)]) {
            painter.drawLine(QPointF(area.left() + i * cell, area.top()),
                             QPointF(area.left() + i * cell, area.bottom()));
            painter.drawLine(QPointF(area.left(), area.top() + i * cell),
                             QPointF(area.right(), area.top() + i * cell));
        }
    }
    painter.setPen(palette().windowText().color());
    const bool everyName = cell >= metrics.height();
    for (int i = 0; i < n; ++i) {
        const bool first = i == 0 || result_.stages[size_t(i)] != result_.stages[size_t(i - 1)];
        if (everyName || first) {
            painter.drawText(QRectF(0, area.top() + i * cell, labels - 4,
                                    std::max(cell, double(metrics.height()))),
                             Qt::AlignRight | Qt::AlignTop,
                             QString::fromStdString(result_.blocks[size_t(i)]));
        }
    }
    // The colour bar.
    const QRectF scale(area.right() + 10, area.top(), 12, side);
    for (int k = 0; k < 64; ++k) {
        const double v = 1.0 - (k + 0.5) / 64.0;
        painter.fillRect(QRectF(scale.left(), scale.top() + k * scale.height() / 64, scale.width(),
                                scale.height() / 64 + 0.5),
                         viridis(v));
    }
    painter.drawText(QPointF(scale.right() + 3, scale.top() + metrics.ascent()),
                     QStringLiteral("1"));
    painter.drawText(QPointF(scale.right() + 3, scale.bottom()), QStringLiteral("0"));
}

}  // namespace reslens
