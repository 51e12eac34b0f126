#include "widgets/explorer/MarkedObject.h"

#include <QPainter>

#include <algorithm>

namespace reslens {

QImage markedObject(const QImage& original, const ClassificationView& view) {
    if (!view.objectBox) {
        return original;
    }
    QImage marked = original.convertToFormat(QImage::Format_RGB32);
    QPainter painter(&marked);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal width = std::max(2.0, std::max(marked.width(), marked.height()) / 120.0);
    const QColor accent(255, 127, 14);  // orange: visible on light and dark backgrounds
    painter.setPen(QPen(accent, width));
    painter.drawRect(*view.objectBox);
    if (view.croppedToObject && view.window != *view.objectBox) {
        painter.setPen(QPen(accent, width / 2, Qt::DashLine));
        painter.drawRect(view.window);
    }
    return marked;
}

QImage shownImage(const QImage& marked, const QSize& devicePixels) {
    if (devicePixels.isEmpty() || marked.isNull()) {
        return {};
    }
    const QSize fit = marked.size().scaled(devicePixels, Qt::KeepAspectRatio);
    if (fit.width() >= marked.width()) {
        return {};
    }
    return marked.scaled(fit, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

}  // namespace reslens
