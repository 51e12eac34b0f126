#pragma once

// The lesion study's second chart (Veit et al. 2016, Fig. 5): mean test accuracy with k
// random blocks bypassed at once, against k, one line per studied model, the spread over
// the trials as a lighter band (mean ± one standard deviation).

#include <QChartView>

#include "app/core/studies/LesionTypes.h"

namespace reslens {

class LesionDepthChart : public QChartView {
    Q_OBJECT

public:
    explicit LesionDepthChart(QWidget* parent = nullptr);

    void showStudies(const QVector<NamedLesionStudy>& studies);
    int pointCount() const { return pointCount_; }

private:
    int pointCount_ = 0;
};

}  // namespace reslens
