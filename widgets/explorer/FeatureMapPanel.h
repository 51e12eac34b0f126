#pragma once

// The feature maps of the selected block: which tensor (input, F(x), shortcut, output),
// colormap, normalisation, channel order and zoom; the grid; and the clicked channel
// enlarged, optionally laid over the image the network received. Or, as a fifth choice,
// Grad-CAM at the block for the top-1 class or any class chosen, over the network's input.

#include <QWidget>

#include "widgets/explorer/ViewTypes.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QScrollArea;
class QSlider;

namespace reslens {

class FeatureGridView;

class FeatureMapPanel : public QWidget {
    Q_OBJECT

public:
    explicit FeatureMapPanel(QWidget* parent = nullptr);

    // The panel's choices as a request for the given navigator entry (id filled by the caller).
    FeatureRequest request(int entry) const;
    void setView(const FeatureView& view);
    const FeatureView& view() const;
    void setNetworkInput(const QImage& image);
    // Residual blocks offer all four tensors; the stem and the head only their output (and
    // Grad-CAM).
    void setTensorChoiceEnabled(bool enabled);
    // The classes Grad-CAM can explain, in index order.
    void setClassLabels(const QStringList& labels);
    bool gradCamShown() const;
    FeatureGridView* gridView() const { return grid_; }
    // The enlarged channel as drawn (with the overlay when it is on).
    QImage enlargedChannel() const;

    // For QSettings.
    QVariantMap options() const;
    void restoreOptions(const QVariantMap& options);

public Q_SLOTS:
    void setZoom(double zoom);
    void setTensorKind(reslens::TensorKind kind);
    void showGradCam();
    // Grad-CAM for this class (-1: the top-1), switching to Grad-CAM.
    void explainClass(int classIndex);

Q_SIGNALS:
    void optionsChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showChannel(int channel);
    // With "Fit" on, the zoom that shows the whole grid in the visible area.
    void fitZoom();
    // Grad-CAM has no channels, colormap choice or scale: those controls step aside.
    void updateControls();

    QComboBox* tensor_;
    QLabel* camClassLabel_;
    QComboBox* camClass_;
    QComboBox* colormap_;
    QComboBox* normalization_;
    QCheckBox* sort_;
    QSlider* zoom_;
    QCheckBox* fit_;
    QLabel* title_;
    QScrollArea* scroll_;
    FeatureGridView* grid_;
    QLabel* channelView_;
    QLabel* channelCaption_;
    QCheckBox* overlay_;
    QImage networkInput_;
    QImage enlarged_;
};

}  // namespace reslens
