#pragma once

// ||F(x)|| and ||shortcut|| of every block across depth, with their ratio on a second
// axis: where the residual branch is a small correction to x and where it takes over.
// The selected block is marked.

#include <QChartView>

#include "widgets/explorer/ViewTypes.h"

class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QLogValueAxis;

namespace reslens {

class MagnitudeChart : public QChartView {
    Q_OBJECT

public:
    explicit MagnitudeChart(QWidget* parent = nullptr);

    void setMagnitudes(const QVector<BlockMagnitude>& blocks);
    // Block index from 0; -1 marks nothing (stem or head selected).
    void setSelectedBlock(int block);
    int pointCount() const;

Q_SIGNALS:
    void blockClicked(int block);

private:
    void updateSelection();

    QVector<BlockMagnitude> blocks_;
    int selected_ = -1;
    QLineSeries* residual_;
    QLineSeries* shortcut_;
    QLineSeries* ratio_;
    QScatterSeries* selection_;
    QValueAxis* x_;
    QValueAxis* norms_;
    QValueAxis* ratioAxis_;
};

}  // namespace reslens
