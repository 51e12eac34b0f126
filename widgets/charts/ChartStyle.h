#pragma once

// How every chart of the window is drawn beyond its own colours: scaled for a projector
// (fonts, line widths, point sizes) and, in presenter mode, in high contrast (black on white,
// saturated and darker series colours, heavier lines). One style for the whole app: charts
// follow it from the moment installChart() gives them their QChart, including series they
// add later; each chart's own colours and widths stay the base the style scales from.

class QChartView;

namespace reslens {

struct ChartStyle {
    int scalePercent = 100;  // 100: as designed; presenter mode 125-200
    bool highContrast = false;

    bool operator==(const ChartStyle& o) const {
        return scalePercent == o.scalePercent && highContrast == o.highContrast;
    }
    bool operator!=(const ChartStyle& o) const { return !(*this == o); }
};

const ChartStyle& currentChartStyle();
// Restyles every chart that follows the style.
void setChartStyle(const ChartStyle& style);
// Called once per view (installChart does): the view's chart follows the style from now on.
void followChartStyle(QChartView* view);

}  // namespace reslens
