#include "widgets/explorer/InputPanel.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/explorer/DropZone.h"
#include "widgets/explorer/MarkedObject.h"

namespace reslens {
namespace {

constexpr int kNetworkViewSide = 140;  // 28 x 5: the 28x28 input in crisp square pixels
constexpr const char* kGalleryFolders[] = {":/samples/fashion-mnist", ":/samples/photos"};

// "3-dress-0042.png" -> "dress".
QString classOfSample(const QString& fileName) {
    QStringList parts = fileName.section('.', 0, 0).split('-');
    if (parts.size() < 3) {
        return fileName;
    }
    parts.removeFirst();
    parts.removeLast();
    return parts.join('-');
}

}  // namespace

InputPanel::InputPanel(QWidget* parent)
    : QWidget(parent),
      dropZone_(new DropZone(this)),
      networkView_(new QLabel(this)),
      caption_(new QLabel(this)),
      cropToObject_(new QCheckBox(tr("Crop to object"), this)),
      gallery_(new QListWidget(this)) {
    auto* open = new QPushButton(tr("Open image…"), this);
    open->setToolTip(tr("Choose an image file (Ctrl+O)"));
    networkView_->setFixedSize(kNetworkViewSide, kNetworkViewSide);
    networkView_->setAlignment(Qt::AlignCenter);
    networkView_->setFrameShape(QFrame::StyledPanel);
    networkView_->setToolTip(tr("The pixels the network receives, before normalisation"));
    cropToObject_->setChecked(true);
    cropToObject_->setToolTip(
        tr("Find the object in a photo and give the network just that, centred, as "
           "Fashion-MNIST's products were prepared. Off: the whole frame, squeezed to the "
           "input size."));
    caption_->setWordWrap(true);
    caption_->setAlignment(Qt::AlignCenter);

    gallery_->setViewMode(QListView::IconMode);
    gallery_->setIconSize(QSize(56, 56));
    gallery_->setGridSize(QSize(64, 64));
    gallery_->setResizeMode(QListView::Adjust);
    gallery_->setMovement(QListView::Static);
    gallery_->setMinimumHeight(90);
    gallery_->setToolTip(
        tr("Samples from the Fashion-MNIST test split, then photos made from "
           "other test images: click to classify"));

    auto* seenTitle = new QLabel(tr("<b>What the network sees</b>"), this);
    auto* galleryTitle = new QLabel(tr("<b>Samples</b>"), this);
    setMinimumWidth(240);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(dropZone_, 3);
    layout->addWidget(open);
    layout_ = layout;
    layout->addWidget(seenTitle);
    layout->addWidget(networkView_, 0, Qt::AlignHCenter);
    layout->addWidget(caption_);
    layout->addWidget(cropToObject_, 0, Qt::AlignHCenter);
    layout->addWidget(galleryTitle);
    layout->addWidget(gallery_, 2);

    connect(open, &QPushButton::clicked, this, &InputPanel::openRequested);
    connect(dropZone_, &DropZone::fileDropped, this, &InputPanel::imageFileChosen);
    connect(dropZone_, &DropZone::imageDropped, this, &InputPanel::imagePasted);
    connect(gallery_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT imageFileChosen(item->data(Qt::UserRole).toString());
    });
    connect(gallery_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        Q_EMIT imageFileChosen(item->data(Qt::UserRole).toString());
    });
    connect(cropToObject_, &QCheckBox::toggled, this, &InputPanel::cropToObjectToggled);
    fillGallery();
}

void InputPanel::setCropToObject(bool checked) {
    const QSignalBlocker blocker(cropToObject_);
    cropToObject_->setChecked(checked);
}

void InputPanel::setCropToObjectAvailable(bool available) {
    cropToObject_->setEnabled(available);
}

QString InputPanel::firstSample() const {
    return gallery_->count() > 0 ? gallery_->item(0)->data(Qt::UserRole).toString() : QString();
}

void InputPanel::showClassification(const ClassificationView& view, const QString& caption) {
    dropZone_->showImage(view.marked.isNull() ? markedObject(view.original, view) : view.marked,
                         view.shown);
    const QImage& networkInput = view.networkInput;
    networkInput_ = networkInput;
    const qreal dpr = devicePixelRatioF();
    // Nearest neighbour: a 28x28 input should look like 28x28 pixels, not a blur.
    QPixmap pixmap =
        QPixmap::fromImage(networkInput.scaled(QSize(kNetworkViewSide, kNetworkViewSide) * dpr,
                                               Qt::KeepAspectRatio, Qt::FastTransformation));
    pixmap.setDevicePixelRatio(dpr);
    networkView_->setPixmap(pixmap);
    caption_->setText(caption);
}

void InputPanel::fillGallery() {
    for (const char* folderName : kGalleryFolders) {
        fillGallery(QString::fromLatin1(folderName));
    }
}

void InputPanel::fillGallery(const QString& folder) {
    const QStringList files = QDir(folder).entryList({"*.png", "*.jpg"}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QString path = folder + '/' + file;
        const QString className = classOfSample(file);
        const QImage image(path);
        // 28x28 samples grow in crisp pixels; photos shrink smoothly.
        const Qt::TransformationMode mode =
            image.width() > 56 ? Qt::SmoothTransformation : Qt::FastTransformation;
        auto* item = new QListWidgetItem(
            QIcon(QPixmap::fromImage(image.scaled(56, 56, Qt::KeepAspectRatio, mode))), QString());
        item->setToolTip(tr("%1 (%2)").arg(className, file));
        item->setData(Qt::UserRole, path);
        gallery_->addItem(item);
    }
}

void InputPanel::addUnderImage(QWidget* widget) {
    layout_->insertWidget(layout_->indexOf(dropZone_) + 1, widget);
}

}  // namespace reslens
