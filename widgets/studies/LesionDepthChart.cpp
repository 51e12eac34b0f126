#include "widgets/studies/LesionDepthChart.h"

#include <QAreaSeries>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

#include "widgets/charts/ChartColors.h"
#include "widgets/charts/ChartOwnership.h"

namespace reslens {

LesionDepthChart::LesionDepthChart(QWidget* parent) : QChartView(parent) {
    auto* chart = new QChart;
    chart->setTitle(tr("Accuracy with k random blocks bypassed"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    installChart(this, chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(240, 240);
}

void LesionDepthChart::showStudies(const QVector<NamedLesionStudy>& studies) {
    QChart* chart = this->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    pointCount_ = 0;
    auto* x = new QValueAxis;
    x->setTitleText(tr("blocks bypassed, k"));
    x->setLabelFormat("%d");
    auto* y = new QValueAxis;
    y->setRange(0, 1);
    y->setTickCount(6);
    y->setLabelFormat("%.1f");
    y->setTitleText(tr("mean test accuracy"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    int maxK = 1;
    for (int s = 0; s < studies.size(); ++s) {
        const LesionStudyResult& r = studies[s].result;
        auto* mean = new QLineSeries;
        auto* upper = new QLineSeries;
        auto* lower = new QLineSeries;
        mean->setName(QString::fromStdString(studies[s].title));
        mean->append(0, r.baselineAccuracy);  // k = 0: the network as trained
        upper->append(0, r.baselineAccuracy);
        lower->append(0, r.baselineAccuracy);
        for (const RandomLesion& k : r.random) {
            mean->append(k.k, k.meanAccuracy);
            upper->append(k.k, std::min(1.0, k.meanAccuracy + k.stdAccuracy));
            lower->append(k.k, std::max(0.0, k.meanAccuracy - k.stdAccuracy));
            maxK = std::max(maxK, k.k);
            ++pointCount_;
        }
        auto* band = new QAreaSeries(upper, lower);
        // QAreaSeries does not own its bounding lines: the band does, as their parent.
        upper->setParent(band);
        lower->setParent(band);
        QColor light = runColor(s);
        light.setAlpha(60);
        band->setBrush(light);
        band->setPen(Qt::NoPen);
        band->setName(tr("± 1 std"));
        mean->setPen(QPen(runColor(s), 2));
        mean->setPointsVisible(true);
        for (QAbstractSeries* series :
             {static_cast<QAbstractSeries*>(band), static_cast<QAbstractSeries*>(mean)}) {
            chart->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
        }
        chart->legend()->markers(band).first()->setVisible(s == 0);
    }
    x->setRange(0, maxK);
    x->setTickCount(std::min(maxK, 10) + 1);
}

}  // namespace reslens
