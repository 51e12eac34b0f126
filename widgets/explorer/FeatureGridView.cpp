#include "widgets/explorer/FeatureGridView.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace reslens {

FeatureGridView::FeatureGridView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void FeatureGridView::setView(const FeatureView& view) {
    view_ = view;
    if (!view_.channels.contains(selected_)) {
        selected_ = -1;
    }
    resize(sizeHint());
    updateGeometry();
    update();
}

void FeatureGridView::setZoom(double zoom) {
    zoom_ = std::clamp(zoom, 0.25, 8.0);
    resize(sizeHint());
    updateGeometry();
    update();
}

void FeatureGridView::setSelectedChannel(int channel) {
    selected_ = channel;
    update();
}

QSize FeatureGridView::sizeHint() const {
    if (view_.grid.isNull()) {
        return QSize(320, 240);
    }
    return QSize(int(std::ceil(view_.grid.width() * zoom_)),
                 int(std::ceil(view_.grid.height() * zoom_)));
}

void FeatureGridView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    if (view_.grid.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                         view_.note.isEmpty() ? tr("No feature maps yet") : view_.note);
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.scale(zoom_, zoom_);
    painter.drawImage(0, 0, view_.grid);
    const int index = view_.channels.indexOf(selected_);
    if (index >= 0 && view_.columns > 0) {
        const int row = index / view_.columns, column = index % view_.columns;
        QPen pen(palette().color(QPalette::Highlight));
        pen.setWidthF(2.0 / zoom_);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(column * (view_.tileWidth + view_.gap),
                                row * (view_.tileHeight + view_.gap), view_.tileWidth,
                                view_.tileHeight));
    }
}

int FeatureGridView::channelAtWidgetPoint(const QPoint& point) const {
    return view_.channelAt(int(point.x() / zoom_), int(point.y() / zoom_));
}

void FeatureGridView::mousePressEvent(QMouseEvent* event) {
    const int channel = channelAtWidgetPoint(event->position().toPoint());
    if (channel >= 0 && event->button() == Qt::LeftButton) {
        setSelectedChannel(channel);
        Q_EMIT channelClicked(channel);
    }
}

void FeatureGridView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        Q_EMIT zoomRequested(zoom_ * (event->angleDelta().y() > 0 ? 1.25 : 0.8));
        event->accept();
        return;
    }
    QWidget::wheelEvent(event);
}

bool FeatureGridView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int channel = channelAtWidgetPoint(help->pos());
        if (channel >= 0 && channel < view_.statistics.size()) {
            const ChannelStatistics& s = view_.statistics[channel];
            QToolTip::showText(help->globalPos(),
                               tr("channel %1\nmean %2\nstd %3\nmin %4\nmax %5")
                                   .arg(channel)
                                   .arg(s.mean, 0, 'g', 4)
                                   .arg(s.std, 0, 'g', 4)
                                   .arg(s.min, 0, 'g', 4)
                                   .arg(s.max, 0, 'g', 4),
                               this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

}  // namespace reslens
