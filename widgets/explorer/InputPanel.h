#pragma once

// The input side of the window: the drop zone with the image as it arrived (and, for a
// photo, the object found in it and the part the network sees), the tensor the network
// actually receives (e.g. 28x28 gray, inverted), the "crop to object" toggle, an open
// button and the gallery of shipped samples and photos.

#include <QWidget>

#include "widgets/explorer/ViewTypes.h"

class QCheckBox;
class QLabel;
class QListWidget;
class QVBoxLayout;

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

    void showClassification(const ClassificationView& view, const QString& caption);
    // The toggle, set without emitting cropToObjectToggled; enabled only for models whose
    // preparation crops photos to their object.
    void setCropToObject(bool checked);
    void setCropToObjectAvailable(bool available);
    QCheckBox* cropToObjectBox() const { return cropToObject_; }
    // A widget right under the image (the live controls).
    void addUnderImage(QWidget* widget);

Q_SIGNALS:
    void imageFileChosen(const QString& path);
    void imagePasted(const QImage& image);
    void openRequested();
    void cropToObjectToggled(bool checked);

private:
    void fillGallery();
    void fillGallery(const QString& folder);

    DropZone* dropZone_;
    QVBoxLayout* layout_ = nullptr;
    QLabel* networkView_;
    QLabel* caption_;
    QCheckBox* cropToObject_;
    QListWidget* gallery_;
    QImage networkInput_;
};

}  // namespace reslens
