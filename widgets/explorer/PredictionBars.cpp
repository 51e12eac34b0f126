#include "widgets/explorer/PredictionBars.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace reslens {
namespace {

constexpr int kRows = 5;

}  // namespace

PredictionBars::PredictionBars(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCursor(Qt::PointingHandCursor);
}

void PredictionBars::setExplainedClass(int classIndex) {
    explained_ = classIndex;
    update();
}

int PredictionBars::classAt(const QPoint& point) const {
    const int row = (point.y() - 4) / rowHeight();
    return point.y() >= 4 && row < std::min<int>(top_.size(), kRows) ? top_[row].index : -1;
}

void PredictionBars::mousePressEvent(QMouseEvent* event) {
    const int classIndex = classAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && classIndex >= 0) {
        Q_EMIT classClicked(classIndex);
    }
}

void PredictionBars::setPredictions(const QVector<ClassProbability>& top) {
    top_ = top;
    QStringList lines;
    for (const ClassProbability& p : top_) {
        lines << QStringLiteral("%1: %2%").arg(p.label).arg(100 * p.probability, 0, 'f', 2);
    }
    setToolTip(lines.join('\n') + QStringLiteral("\n\n") +
               tr("Click a class to see where its evidence lies (Grad-CAM)"));
    setAccessibleDescription(lines.join(", "));
    update();
}

QSize PredictionBars::sizeHint() const {
    return QSize(280, kRows * rowHeight() + 8);
}

QSize PredictionBars::minimumSizeHint() const {
    return QSize(160, sizeHint().height());
}

void PredictionBars::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = fontMetrics();
    const int row = rowHeight();
    if (top_.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No prediction yet"));
        return;
    }
    int labelWidth = 0;
    for (const ClassProbability& p : top_) {
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(p.label));
    }
    labelWidth = std::min(labelWidth + 8, width() / 2);
    const int percentWidth = metrics.horizontalAdvance(QStringLiteral("100.0%")) + 8;
    const int barSpace = std::max(10, width() - labelWidth - percentWidth - 8);
    for (int i = 0; i < top_.size() && i < kRows; ++i) {
        const ClassProbability& p = top_[i];
        const int y = 4 + i * row;
        QFont font = painter.font();
        font.setBold(i == 0);
        painter.setFont(font);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(4, y, labelWidth - 8, row), Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(p.label, Qt::ElideRight, labelWidth - 8));
        const QRectF track(labelWidth, y + 4, barSpace, row - 8);
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette().color(QPalette::AlternateBase));
        painter.drawRoundedRect(track, 3, 3);
        QRectF bar = track;
        bar.setWidth(std::max(1.0, track.width() * p.probability));
        painter.setBrush(i == 0 ? palette().color(QPalette::Highlight)
                                : palette().color(QPalette::Highlight).lighter(150));
        painter.drawRoundedRect(bar, 3, 3);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(labelWidth + barSpace + 4, y, percentWidth, row),
                         Qt::AlignVCenter | Qt::AlignRight,
                         QStringLiteral("%1%").arg(100 * p.probability, 0, 'f', 1));
        if (p.index == explained_) {
            QPen frame(palette().color(QPalette::Highlight));
            frame.setWidthF(1.5);
            painter.setPen(frame);
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(QRectF(1.5, y + 0.5, width() - 3, row - 1), 4, 4);
        }
    }
}

}  // namespace reslens
