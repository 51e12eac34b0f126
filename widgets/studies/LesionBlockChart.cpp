#include "widgets/studies/LesionBlockChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include "widgets/charts/ChartColors.h"
#include "widgets/charts/ChartOwnership.h"

namespace reslens {
namespace {

// A horizontal line across every category of a bar chart (categories sit at x = 0..n-1).
QLineSeries* levelLine(const QString& name, double level, int categories, const QPen& pen) {
    auto* line = new QLineSeries;
    line->setName(name);
    line->append(-0.5, level);
    line->append(categories - 0.5, level);
    line->setPen(pen);
    return line;
}

// Up to this many blocks the names fit level under their bars at the tab's usual width.
constexpr int kLevelLabelsUpTo = 12;

}  // namespace

LesionBlockChart::LesionBlockChart(QWidget* parent) : QChartView(parent) {
    auto* chart = new QChart;
    chart->setTitle(tr("Accuracy with one block bypassed (dashed: no block bypassed)"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    installChart(this, chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 240);
}

void LesionBlockChart::showStudies(const QVector<NamedLesionStudy>& studies, int classes) {
    QChart* chart = this->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    barCount_ = 0;
    if (studies.isEmpty()) {
        return;
    }
    QStringList categories;
    for (const BlockLesion& b : studies.front().result.blocks) {
        // "2.0 ↓" for layer2.0: names that fit under a bar of a 27-block network.
        QString name = QString::fromStdString(b.name);
        name.remove(QStringLiteral("layer"));
        categories << name + (b.downsampling ? QString(" ↓") : "");
    }
    auto* bars = new QBarSeries;
    for (int s = 0; s < studies.size(); ++s) {
        auto* set = new QBarSet(QString::fromStdString(studies[s].title));
        set->setColor(runColor(s));
        for (const BlockLesion& first : studies.front().result.blocks) {
            double accuracy = 0;
            for (const BlockLesion& b : studies[s].result.blocks) {
                if (b.name == first.name) {
                    accuracy = b.accuracy;
                }
            }
            *set << accuracy;
            ++barCount_;
        }
        bars->append(set);
    }
    chart->addSeries(bars);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(tr("bypassed block: layer S.I (↓ downsampling)"));
    // Beside 27 blocks a level label gets a few pixels and Qt draws each as "…": turned on
    // their side, the names fit under their bars.
    x->setLabelsAngle(categories.size() > kLevelLabelsUpTo ? -90 : 0);
    auto* y = new QValueAxis;
    y->setRange(0, 1);
    y->setTickCount(6);
    y->setLabelFormat("%.1f");
    y->setTitleText(tr("test accuracy"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    const int n = int(categories.size());
    for (int s = 0; s < studies.size(); ++s) {
        QLineSeries* baseline =
            levelLine(tr("%1, every block").arg(QString::fromStdString(studies[s].title)),
                      studies[s].result.baselineAccuracy, n, QPen(runColor(s), 1.5, Qt::DashLine));
        chart->addSeries(baseline);
        baseline->attachAxis(x);
        baseline->attachAxis(y);
        chart->legend()->markers(baseline).first()->setVisible(false);  // the title says it
    }
    if (classes > 0) {
        QLineSeries* chance =
            levelLine(tr("chance"), 1.0 / classes, n, QPen(Qt::gray, 1.5, Qt::DotLine));
        chart->addSeries(chance);
        chance->attachAxis(x);
        chance->attachAxis(y);
    }
}

int LesionBlockChart::labelAngle() const {
    const QList<QAbstractAxis*> axes = chart()->axes(Qt::Horizontal);
    return axes.isEmpty() ? 0 : axes.first()->labelsAngle();
}

}  // namespace reslens
