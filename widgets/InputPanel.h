#pragma once

// The input side of the window: the drop zone with the image as it arrived, the tensor
// the network actually receives (e.g. 28x28 gray, inverted), an open button and the
// gallery of shipped samples.

#include <QWidget>

class QLabel;
class QListWidget;

namespace reslens {

class DropZone;

class InputPanel : public QWidget {
    Q_OBJECT

public:
    explicit InputPanel(QWidget* parent = nullptr);

    DropZone* dropZone() const { return dropZone_; }
    QListWidget* gallery() const { return gallery_; }
    // The first gallery image, classified at start-up.
    QString firstSample() const;

    void showImages(const QImage& original, const QImage& networkInput, const QString& caption);

Q_SIGNALS:
    void imageFileChosen(const QString& path);
    void imagePasted(const QImage& image);
    void openRequested();

private:
    void fillGallery();

    DropZone* dropZone_;
    QLabel* networkView_;
    QLabel* caption_;
    QListWidget* gallery_;
    QImage networkInput_;
};

}  // namespace reslens
