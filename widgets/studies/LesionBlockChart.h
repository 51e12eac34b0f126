#pragma once

// The lesion study's first chart (Veit et al. 2016, Fig. 3): test accuracy with each block
// bypassed, one bar per block, the studied models side by side; downsampling blocks marked
// with ↓ under their bar, each model's accuracy with every block as a dashed line and
// chance (1 / classes) as a dotted one.

#include <QChartView>

#include "app/core/studies/LesionTypes.h"

namespace reslens {

class LesionBlockChart : public QChartView {
    Q_OBJECT

public:
    explicit LesionBlockChart(QWidget* parent = nullptr);

    // Blocks are matched by name across studies (twins share their names); the first
    // study's order is the chart's.
    void showStudies(const QVector<NamedLesionStudy>& studies, int classes);
    int barCount() const { return barCount_; }
    // The block names' angle under the bars: 0 while they fit level, -90 beside many blocks.
    int labelAngle() const;

private:
    int barCount_ = 0;
};

}  // namespace reslens
