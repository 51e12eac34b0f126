#pragma once

// Draws a feature grid at a chosen zoom (nearest neighbour: activations are pixels, not
// photographs), tells which channel is under the mouse, and reports clicks.

#include <QWidget>

#include "widgets/explorer/ViewTypes.h"

namespace reslens {

class FeatureGridView : public QWidget {
    Q_OBJECT

public:
    explicit FeatureGridView(QWidget* parent = nullptr);

    void setView(const FeatureView& view);
    const FeatureView& view() const { return view_; }
    void setZoom(double zoom);
    double zoom() const { return zoom_; }
    int selectedChannel() const { return selected_; }
    void setSelectedChannel(int channel);

    QSize sizeHint() const override;

Q_SIGNALS:
    void channelClicked(int channel);
    void zoomRequested(double zoom);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool event(QEvent* event) override;

private:
    int channelAtWidgetPoint(const QPoint& point) const;

    FeatureView view_;
    double zoom_ = 1.0;
    int selected_ = -1;
};

}  // namespace reslens
