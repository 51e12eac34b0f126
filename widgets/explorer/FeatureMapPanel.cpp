#include "widgets/explorer/FeatureMapPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QSlider>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <QSignalBlocker>

#include <algorithm>
#include <cmath>

#include "widgets/explorer/FeatureGridView.h"
#include "widgets/shell/SettingsKeys.h"

namespace reslens {
namespace {

template <typename Enum>
QString nameOf(Enum value) {
    return QString::fromStdString(toString(value));
}

constexpr int kEnlargedSide = 224;
const QString kGradCam = QStringLiteral("gradcam");  // the tensor box's Grad-CAM item

// The zoom slider works in steps of 2^(1/4), from 1/4 to 8.
int sliderOfZoom(double zoom) {
    return int(std::lround(4 * std::log2(zoom)));
}
double zoomOfSlider(int value) {
    return std::pow(2.0, value / 4.0);
}

}  // namespace

FeatureMapPanel::FeatureMapPanel(QWidget* parent)
    : QWidget(parent),
      tensor_(new QComboBox(this)),
      camClassLabel_(new QLabel(tr("Class:"), this)),
      camClass_(new QComboBox(this)),
      colormap_(new QComboBox(this)),
      normalization_(new QComboBox(this)),
      sort_(new QCheckBox(tr("Strongest first"), this)),
      zoom_(new QSlider(Qt::Horizontal, this)),
      fit_(new QCheckBox(tr("Fit"), this)),
      title_(new QLabel(this)),
      scroll_(new QScrollArea(this)),
      grid_(new FeatureGridView),
      channelView_(new QLabel(this)),
      channelCaption_(new QLabel(this)),
      overlay_(new QCheckBox(tr("Overlay on input"), this)) {
    // Item data are the stable names of TensorKind / GridColormap / GridNormalization, which
    // are also what the settings keep.
    tensor_->addItem(tr("Input x"), nameOf(TensorKind::Input));
    tensor_->addItem(tr("Residual F(x)"), nameOf(TensorKind::Residual));
    tensor_->addItem(tr("Shortcut"), nameOf(TensorKind::Shortcut));
    tensor_->addItem(tr("Output"), nameOf(TensorKind::Output));
    tensor_->addItem(tr("Grad-CAM"), kGradCam);
    tensor_->setCurrentIndex(3);
    tensor_->setToolTip(
        tr("Which tensor of the block to show (Ctrl+1 … Ctrl+4), or Grad-CAM (Ctrl+5): where "
           "in the image the evidence for a class lies at this block (Selvaraju et al. 2017)"));
    camClass_->addItem(tr("Top-1"), -1);
    camClass_->setToolTip(
        tr("The class whose evidence to show; clicking a prediction chooses "
           "it too"));
    colormap_->addItem(tr("Viridis"), nameOf(GridColormap::Viridis));
    colormap_->addItem(tr("Inferno"), nameOf(GridColormap::Inferno));
    colormap_->addItem(tr("Gray"), nameOf(GridColormap::Gray));
    colormap_->addItem(tr("Signed"), nameOf(GridColormap::Diverging));
    colormap_->setToolTip(
        tr("Signed: blue negative, white zero, red positive — the sign of F(x) at a glance"));
    normalization_->addItem(tr("Per channel"), nameOf(GridNormalization::PerChannel));
    normalization_->addItem(tr("Shared"), nameOf(GridNormalization::Shared));
    normalization_->setToolTip(
        tr("Per channel: each tile uses the whole colormap (shapes).\n"
           "Shared: one range for all tiles (magnitudes compare)."));
    sort_->setToolTip(tr("Order channels by mean activation, strongest first"));
    zoom_->setRange(sliderOfZoom(0.25), sliderOfZoom(8));
    zoom_->setValue(0);
    zoom_->setMaximumWidth(140);
    zoom_->setToolTip(tr("Zoom (Ctrl+wheel over the grid)"));
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);

    scroll_->setWidget(grid_);
    scroll_->setAlignment(Qt::AlignCenter);
    scroll_->setBackgroundRole(QPalette::Base);
    channelView_->setFixedSize(kEnlargedSide, kEnlargedSide);
    channelView_->setAlignment(Qt::AlignCenter);
    channelView_->setFrameShape(QFrame::StyledPanel);
    channelView_->setText(tr("Click a channel"));
    channelCaption_->setWordWrap(true);
    channelCaption_->setMaximumWidth(kEnlargedSide);
    overlay_->setToolTip(tr("Lay the channel over the image the network received"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Tensor:"), this));
    controls->addWidget(tensor_);
    controls->addWidget(camClassLabel_);
    controls->addWidget(camClass_);
    controls->addWidget(new QLabel(tr("Colormap:"), this));
    controls->addWidget(colormap_);
    controls->addWidget(new QLabel(tr("Scale:"), this));
    controls->addWidget(normalization_);
    controls->addStretch();
    // A second row keeps the panel narrow enough for the docks beside it.
    auto* viewControls = new QHBoxLayout;
    viewControls->addWidget(sort_);
    viewControls->addStretch();
    viewControls->addWidget(new QLabel(tr("Zoom:"), this));
    viewControls->addWidget(zoom_);
    viewControls->addWidget(fit_);

    auto* side = new QVBoxLayout;
    side->addWidget(channelView_);
    side->addWidget(overlay_);
    side->addWidget(channelCaption_);
    side->addStretch();

    auto* body = new QHBoxLayout;
    body->addWidget(scroll_, 1);
    body->addLayout(side);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(viewControls);
    layout->addWidget(title_);
    layout->addLayout(body, 1);

    connect(tensor_, &QComboBox::currentIndexChanged, this, &FeatureMapPanel::updateControls);
    for (QComboBox* box : {tensor_, camClass_, colormap_, normalization_}) {
        connect(box, &QComboBox::currentIndexChanged, this, &FeatureMapPanel::optionsChanged);
    }
    connect(sort_, &QCheckBox::toggled, this, &FeatureMapPanel::optionsChanged);
    fit_->setChecked(true);
    fit_->setToolTip(tr("Zoom so that the whole grid is visible"));
    scroll_->viewport()->installEventFilter(this);
    connect(zoom_, &QSlider::valueChanged, this, [this](int value) {
        grid_->setZoom(zoomOfSlider(value));
        fit_->setChecked(false);  // the user chose a zoom
    });
    connect(fit_, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            fitZoom();
        }
    });
    connect(grid_, &FeatureGridView::zoomRequested, this, &FeatureMapPanel::setZoom);
    connect(grid_, &FeatureGridView::channelClicked, this, &FeatureMapPanel::showChannel);
    connect(overlay_, &QCheckBox::toggled, this, [this] { showChannel(grid_->selectedChannel()); });
    updateControls();
}

bool FeatureMapPanel::gradCamShown() const {
    return tensor_->currentData().toString() == kGradCam;
}

void FeatureMapPanel::updateControls() {
    const bool cam = gradCamShown();
    camClassLabel_->setVisible(cam);
    camClass_->setVisible(cam);
    for (QWidget* w : std::initializer_list<QWidget*>{colormap_, normalization_, sort_}) {
        w->setEnabled(!cam);
    }
    // The enlarged channel has no meaning for a map: its column gives the map the room.
    for (QWidget* w : std::initializer_list<QWidget*>{channelView_, overlay_, channelCaption_}) {
        w->setVisible(!cam);
    }
}

void FeatureMapPanel::setClassLabels(const QStringList& labels) {
    const QSignalBlocker quiet(camClass_);
    const int chosen = camClass_->currentData().toInt();
    while (camClass_->count() > 1) {
        camClass_->removeItem(1);
    }
    for (int i = 0; i < labels.size(); ++i) {
        camClass_->addItem(QStringLiteral("%1 · %2").arg(i).arg(labels[i]), i);
    }
    const int index = camClass_->findData(chosen);
    camClass_->setCurrentIndex(index >= 0 ? index : 0);
}

void FeatureMapPanel::showGradCam() {
    tensor_->setCurrentIndex(tensor_->findData(kGradCam));
}

void FeatureMapPanel::explainClass(int classIndex) {
    const int index = camClass_->findData(classIndex);
    {
        // One request for both changes.
        const QSignalBlocker quiet(camClass_);
        camClass_->setCurrentIndex(index >= 0 ? index : 0);
    }
    if (gradCamShown()) {
        Q_EMIT optionsChanged();
    } else {
        showGradCam();
    }
}

FeatureRequest FeatureMapPanel::request(int entry) const {
    FeatureRequest request;
    request.entry = entry;
    const auto name = [](const QComboBox* box) {
        return box->currentData().toString().toStdString();
    };
    request.kind = tensorKindFromString(name(tensor_)).value_or(TensorKind::Output);
    request.colormap = gridColormapFromString(name(colormap_)).value_or(GridColormap::Viridis);
    request.normalization =
        gridNormalizationFromString(name(normalization_)).value_or(GridNormalization::PerChannel);
    request.sortByActivation = sort_->isChecked();
    request.gradCam = gradCamShown();
    request.camClass = camClass_->currentData().toInt();
    return request;
}

void FeatureMapPanel::setView(const FeatureView& view) {
    title_->setText(view.title);
    grid_->setView(view);
    fitZoom();
    showChannel(grid_->selectedChannel());
}

const FeatureView& FeatureMapPanel::view() const {
    return grid_->view();
}

void FeatureMapPanel::setNetworkInput(const QImage& image) {
    networkInput_ = image;
}

bool FeatureMapPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == scroll_->viewport() && event->type() == QEvent::Resize) {
        fitZoom();
    }
    return QWidget::eventFilter(watched, event);
}

void FeatureMapPanel::fitZoom() {
    const QImage& grid = grid_->view().grid;
    if (!fit_->isChecked() || grid.isNull()) {
        return;
    }
    const QSize area = scroll_->viewport()->size() - QSize(8, 8);
    const double zoom = std::clamp(
        std::min(double(area.width()) / grid.width(), double(area.height()) / grid.height()), 0.25,
        8.0);
    grid_->setZoom(zoom);
    const QSignalBlocker quiet(zoom_);
    zoom_->setValue(sliderOfZoom(zoom));
}

void FeatureMapPanel::setTensorChoiceEnabled(bool enabled) {
    auto* items = qobject_cast<QStandardItemModel*>(tensor_->model());
    for (TensorKind kind : {TensorKind::Input, TensorKind::Residual, TensorKind::Shortcut}) {
        items->item(tensor_->findData(nameOf(kind)))->setEnabled(enabled);
    }
}

void FeatureMapPanel::setZoom(double zoom) {
    zoom_->setValue(sliderOfZoom(std::clamp(zoom, 0.25, 8.0)));
}

void FeatureMapPanel::setTensorKind(TensorKind kind) {
    const int index = tensor_->findData(nameOf(kind));
    const auto* items = qobject_cast<QStandardItemModel*>(tensor_->model());
    if (items->item(index)->isEnabled()) {
        tensor_->setCurrentIndex(index);
    }
}

QImage FeatureMapPanel::enlargedChannel() const {
    return enlarged_;
}

void FeatureMapPanel::showChannel(int channel) {
    const FeatureView& view = grid_->view();
    const QImage tile = view.tile(channel);
    if (tile.isNull()) {
        enlarged_ = QImage();
        channelView_->setPixmap(QPixmap());
        channelView_->setText(tr("Click a channel"));
        channelCaption_->clear();
        return;
    }
    const QSize side(kEnlargedSide, kEnlargedSide);
    QImage canvas(side, QImage::Format_RGB32);
    canvas.fill(palette().color(QPalette::Base));
    QPainter painter(&canvas);
    const QImage channelImage = tile.scaled(side, Qt::KeepAspectRatio, Qt::FastTransformation);
    const QPoint at((side.width() - channelImage.width()) / 2,
                    (side.height() - channelImage.height()) / 2);
    if (overlay_->isChecked() && !networkInput_.isNull()) {
        // The map covers the whole input (every layer's receptive field tiles it), so both
        // are stretched to the same square and blended.
        painter.drawImage(QRect(at, channelImage.size()),
                          networkInput_.convertToFormat(QImage::Format_RGB32));
        painter.setOpacity(0.55);
    }
    painter.drawImage(at, channelImage);
    painter.end();
    enlarged_ = canvas;
    channelView_->setPixmap(QPixmap::fromImage(canvas));
    QString caption = tr("Channel %1").arg(channel);
    if (channel < view.statistics.size()) {
        const ChannelStatistics& s = view.statistics[channel];
        caption += tr(": mean %1, std %2, range [%3, %4]")
                       .arg(s.mean, 0, 'g', 3)
                       .arg(s.std, 0, 'g', 3)
                       .arg(s.min, 0, 'g', 3)
                       .arg(s.max, 0, 'g', 3);
    }
    channelCaption_->setText(caption);
}

QVariantMap FeatureMapPanel::options() const {
    namespace keys = settings::features;
    return {{keys::kTensor, tensor_->currentData()},
            {keys::kColormap, colormap_->currentData()},
            {keys::kNormalization, normalization_->currentData()},
            {keys::kSort, sort_->isChecked()},
            {keys::kZoom, zoom_->value()},
            {keys::kFit, fit_->isChecked()},
            {keys::kOverlay, overlay_->isChecked()}};
}

void FeatureMapPanel::restoreOptions(const QVariantMap& options) {
    const QSignalBlocker a(tensor_), b(colormap_), c(normalization_), d(sort_);
    namespace keys = settings::features;
    // A name since 0.2; the combo box's index before (the items kept their order).
    auto restore = [&](QComboBox* box, const char* key) {
        const QVariant value = options.value(key);
        int index = box->findData(value.toString());
        bool isIndex = false;
        const int legacy = value.toString().toInt(&isIndex);
        if (index < 0 && isIndex) {
            index = legacy;
        }
        if (index >= 0 && index < box->count()) {
            box->setCurrentIndex(index);
        }
    };
    restore(tensor_, keys::kTensor);
    restore(colormap_, keys::kColormap);
    restore(normalization_, keys::kNormalization);
    sort_->setChecked(options.value(keys::kSort, false).toBool());
    zoom_->setValue(options.value(keys::kZoom, 0).toInt());
    fit_->setChecked(options.value(keys::kFit, true).toBool());
    overlay_->setChecked(options.value(keys::kOverlay, false).toBool());
}

}  // namespace reslens
