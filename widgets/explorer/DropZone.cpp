#include "widgets/explorer/DropZone.h"

#include <cstdlib>

#include <QDragEnterEvent>
#include <QMimeData>
#include <QUrl>

namespace reslens {
namespace {

bool offersImage(const QMimeData* mime) {
    if (mime->hasImage()) {
        return true;
    }
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile()) {
            return true;
        }
    }
    return false;
}

}  // namespace

DropZone::DropZone(QWidget* parent) : QLabel(parent) {
    setAcceptDrops(true);
    setAlignment(Qt::AlignCenter);
    setMinimumSize(120, 120);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setWordWrap(true);
    setText(tr("Drop an image here\nor paste one (Ctrl+V)"));
    setToolTip(tr("Drop an image file, or paste an image, to classify it"));
    setHighlighted(false);
}

void DropZone::showImage(const QImage& image, const QImage& fitted) {
    image_ = image;
    fitted_ = fitted;
    updatePixmap();
}

bool DropZone::takeMimeData(const QMimeData* mime) {
    if (!mime) {
        return false;
    }
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile()) {
            Q_EMIT fileDropped(url.toLocalFile());
            return true;
        }
    }
    if (mime->hasImage()) {
        Q_EMIT imageDropped(qvariant_cast<QImage>(mime->imageData()));
        return true;
    }
    return false;
}

void DropZone::dragEnterEvent(QDragEnterEvent* event) {
    if (offersImage(event->mimeData())) {
        event->acceptProposedAction();
        setHighlighted(true);
    }
}

void DropZone::dragLeaveEvent(QDragLeaveEvent* event) {
    setHighlighted(false);
    QLabel::dragLeaveEvent(event);
}

void DropZone::dropEvent(QDropEvent* event) {
    setHighlighted(false);
    if (takeMimeData(event->mimeData())) {
        event->acceptProposedAction();
    }
}

void DropZone::resizeEvent(QResizeEvent* event) {
    QLabel::resizeEvent(event);
    updatePixmap();
    Q_EMIT shownSizeChanged(shownSize());
}

QSize DropZone::shownSize() const {
    const QSize target = contentsRect().size() - QSize(8, 8);
    return target.isEmpty() ? QSize() : target * devicePixelRatioF();
}

void DropZone::setHighlighted(bool on) {
    setStyleSheet(on ? QStringLiteral("QLabel { border: 2px dashed palette(highlight); "
                                      "background: palette(alternate-base); }")
                     : QStringLiteral("QLabel { border: 2px dashed palette(mid); }"));
}

void DropZone::updatePixmap() {
    if (image_.isNull()) {
        return;
    }
    const QSize target = shownSize();
    if (target.isEmpty()) {
        return;
    }
    const qreal dpr = devicePixelRatioF();
    // Enlarged small images (a 28x28 sample) stay crisp pixels; photos shrink smoothly. An
    // image the worker already fitted to this size (within a pixel of rounding) is drawn as
    // it is: smooth-scaling a photo was most of the window's work per image.
    const QSize scaled = image_.size().scaled(target, Qt::KeepAspectRatio);
    const bool fitted = !fitted_.isNull() && std::abs(scaled.width() - fitted_.width()) <= 1 &&
                        std::abs(scaled.height() - fitted_.height()) <= 1;
    const bool enlarging = scaled.width() > 2 * image_.width();
    QPixmap pixmap = QPixmap::fromImage(
        fitted ? fitted_
               : image_.scaled(scaled, Qt::IgnoreAspectRatio,
                               enlarging ? Qt::FastTransformation : Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(dpr);
    setPixmap(pixmap);
}

}  // namespace reslens
