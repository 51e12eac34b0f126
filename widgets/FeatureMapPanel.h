#pragma once

// The feature maps of the selected block: which tensor (input, F(x), shortcut, output),
// colormap, normalisation, channel order and zoom; the grid; and the clicked channel
// enlarged, optionally laid over the image the network received.

#include <QWidget>

#include "widgets/ViewTypes.h"

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
    // Residual blocks offer all four tensors; the stem and the head only their output.
    void setTensorChoiceEnabled(bool enabled);
    FeatureGridView* gridView() const { return grid_; }
    // The enlarged channel as drawn (with the overlay when it is on).
    QImage enlargedChannel() const;

    // For QSettings.
    QVariantMap options() const;
    void restoreOptions(const QVariantMap& options);

public Q_SLOTS:
    void setZoom(double zoom);
    void setTensorKind(reslens::TensorKind kind);

Q_SIGNALS:
    void optionsChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showChannel(int channel);
    // With "Fit" on, the zoom that shows the whole grid in the visible area.
    void fitZoom();

    QComboBox* tensor_;
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
