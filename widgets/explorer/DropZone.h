#pragma once

// Where images arrive: files dragged from a file manager, image data dragged from a
// browser, or pasted. Shows the image as it was decoded.

#include <QLabel>

class QMimeData;

namespace reslens {

class DropZone : public QLabel {
    Q_OBJECT

public:
    explicit DropZone(QWidget* parent = nullptr);

    // `image` as it is to be seen; `fitted`, when not null, the same already shrunk to
    // shownSize() by the worker, drawn as it is while the zone keeps that size (a resized
    // zone scales `image` again, not the smaller copy).
    void showImage(const QImage& image, const QImage& fitted = QImage());
    // The size, in device pixels, an image is drawn at here: an image the inference worker
    // already scaled to it is shown without scaling on the window's thread.
    QSize shownSize() const;
    // Accepts what a drop or the clipboard offers; returns false when it holds no image.
    bool takeMimeData(const QMimeData* mime);

Q_SIGNALS:
    void shownSizeChanged(const QSize& devicePixels);
    void fileDropped(const QString& path);
    void imageDropped(const QImage& image);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void setHighlighted(bool on);
    void updatePixmap();

    QImage image_;
    QImage fitted_;
};

}  // namespace reslens
