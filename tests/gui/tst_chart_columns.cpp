// Live charts drawn from per-pixel-column aggregates (M4Aggregate, Jugel et al. 2014): what
// is kept per column, that the drawn line covers the pixels the full series covers (spikes
// included), and the lab's charts holding at most four points per column over a long run.

#include <QImage>
#include <QPainter>
#include <QtTest/QtTest>

#include <cmath>
#include <random>

#include "widgets/charts/ChartColors.h"
#include "widgets/charts/M4Aggregate.h"
#include "widgets/lab/GradientHistoryChart.h"
#include "widgets/lab/LossChart.h"

using namespace reslens;

namespace {

// A noisy decaying loss with one spike, like a training run's.
QList<QPointF> noisySeries(int n, int spikeAt) {
    std::mt19937 random(7);
    std::normal_distribution<double> noise(0, 0.05);
    QList<QPointF> points;
    for (int i = 1; i <= n; ++i) {
        double y = 2.0 * std::exp(-i / 800.0) + 0.3 + noise(random);
        if (i == spikeAt) {
            y = 9.0;
        }
        points.append(QPointF(i, y));
    }
    return points;
}

// The polyline through `points`, drawn without antialiasing into width x height pixels with
// x in [0, xMax] and y in [0, yMax].
QImage drawn(const QList<QPointF>& points, int width, int height, double xMax, double yMax) {
    QImage image(width, height, QImage::Format_Grayscale8);
    image.fill(255);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(Qt::black, 0));
    QPolygonF line;
    for (const QPointF& p : points) {
        line << QPointF(p.x() / xMax * width, height - p.y() / yMax * height);
    }
    painter.drawPolyline(line);
    return image;
}

int differingPixels(const QImage& a, const QImage& b) {
    int n = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            n += a.pixelColor(x, y) != b.pixelColor(x, y);
        }
    }
    return n;
}

int inkedPixels(const QImage& a) {
    int n = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            n += a.pixelColor(x, y) != QColor(Qt::white);
        }
    }
    return n;
}

QVector<StepUpdate> steps(int from, int to, int blocks) {
    QVector<StepUpdate> out;
    for (int s = from; s <= to; ++s) {
        StepUpdate u;
        u.step = s;
        u.loss = s == 2500 ? 50.0 : 2.0 / std::sqrt(double(s));
        u.accuracy = 0.6;
        for (int b = 0; b < blocks; ++b) {
            u.blockNorms.append((b + 1) * 0.01 * (s == 4000 ? 100.0 : 1.0 + 0.1 * std::sin(s)));
            u.outputNorms.append(0.02);
        }
        out.append(u);
    }
    return out;
}

}  // namespace

class ChartColumnsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsFirstLastLowAndHighOfEachColumn() {
        M4Aggregate a;
        a.reset(0, 10, 2);  // columns [0, 5) and [5, 10]
        for (const QPointF& p : {QPointF(0, 3), QPointF(1, 7), QPointF(2, -1), QPointF(3, 2),
                                 QPointF(4, 4), QPointF(5, 1), QPointF(6, 1.5), QPointF(9, 0)}) {
            a.add(p.x(), p.y());
        }
        QCOMPARE(a.samples(), 8);
        QVERIFY(a.changed());
        // Column 0: first (0,3), high (1,7), low (2,-1), last (4,4). Column 1: first (5,1),
        // high (6,1.5), low and last (9,0).
        const QList<QPointF> expected{QPointF(0, 3), QPointF(1, 7),   QPointF(2, -1), QPointF(4, 4),
                                      QPointF(5, 1), QPointF(6, 1.5), QPointF(9, 0)};
        QCOMPARE(a.points(), expected);
        QVERIFY(!a.changed());
        a.add(10, 5);  // the range's end belongs to the last column, now its high and last
        const QList<QPointF> after{QPointF(0, 3), QPointF(1, 7), QPointF(2, -1), QPointF(4, 4),
                                   QPointF(5, 1), QPointF(9, 0), QPointF(10, 5)};
        QCOMPARE(a.points(), after);
    }

    void fewSamplesAreDrawnAsThey() {
        M4Aggregate a;
        a.reset(0, 6, 400);
        for (int i = 1; i <= 6; ++i) {
            a.add(i, i * i);
        }
        QCOMPARE(a.points().size(), 6);
        QCOMPARE(a.points()[2], QPointF(3, 9));
    }

    void longSeriesKeepsFourPointsPerColumnAndItsSpike() {
        const QList<QPointF> series = noisySeries(20000, 12345);
        M4Aggregate a;
        a.reset(0, 20000, 300);
        for (const QPointF& p : series) {
            a.add(p.x(), p.y());
        }
        const QList<QPointF> points = a.points();
        QVERIFY2(points.size() <= 4 * 300, qPrintable(QString::number(points.size())));
        QVERIFY(points.size() >= 2 * 300);
        QCOMPARE(points.first(), series.first());
        QCOMPARE(points.last(), series.last());
        QVERIFY(points.contains(QPointF(12345, 9.0)));
        for (int i = 1; i < points.size(); ++i) {
            QVERIFY(points[i].x() > points[i - 1].x());  // x order, no repeats
        }
    }

    // M4's claim: at the aggregate's resolution the line through four points per column
    // colours the same pixels as the line through all 20,000 samples.
    void drawsThePixelsOfTheFullSeries() {
        const int width = 300, height = 200;
        const QList<QPointF> series = noisySeries(20000, 12345);
        M4Aggregate a;
        a.reset(0, 20000, width);
        for (const QPointF& p : series) {
            a.add(p.x(), p.y());
        }
        const QImage full = drawn(series, width, height, 20000, 10);
        const QImage aggregated = drawn(a.points(), width, height, 20000, 10);
        const int ink = inkedPixels(full);
        const int differ = differingPixels(full, aggregated);
        qInfo("%d pixels inked, %d differ", ink, differ);
        QVERIFY(ink > 1000);
        // M4 is exact for a rasteriser that draws each column's segments inside the column;
        // Qt's aliased lines step diagonally across column edges, so a few pixels beside an
        // edge differ (29 of 1,743 here): allow 3% of the line's pixels.
        QVERIFY2(differ <= 3 * ink / 100,
                 qPrintable(QString("%1 of %2 pixels differ").arg(differ).arg(ink)));
        // Keeping only every 67th sample (the same number of points) loses the spike.
        QList<QPointF> thinned;
        for (int i = 0; i < series.size(); i += series.size() / (4 * width)) {
            thinned.append(series[i]);
        }
        QVERIFY(differingPixels(full, drawn(thinned, width, height, 20000, 10)) > 10 * differ);
    }

    void lossChartOfALongRunHoldsItsWidthNotItsHistory() {
        LossChart chart;
        chart.resize(700, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.reset({"resnet20", "plain20"}, 5000);
        for (int from = 1; from <= 5000; from += 250) {  // arrives in bursts, as in the lab
            chart.append(0, steps(from, from + 249, 1));
        }
        const int columns = chart.columns();
        QVERIFY(columns > 100 && columns < 1400);
        const QList<QPointF> loss = chart.lossPoints(0);
        QVERIFY2(loss.size() <= 4 * columns, qPrintable(QString::number(loss.size())));
        QVERIFY(loss.contains(QPointF(2500, 50.0)));  // the spike stays visible
        QCOMPARE(loss.first(), QPointF(1, 2.0));
        QCOMPARE(loss.last().x(), 5000.0);
        QVERIFY(chart.accuracyPoints(0).size() <= 4 * columns);
    }

    void resizingFoldsTheHistoryAgainAtTheNewWidth() {
        LossChart chart;
        chart.resize(900, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.reset({"resnet20"}, 2000);
        const QVector<StepUpdate> all = steps(1, 2000, 1);
        int asked = 0;
        connect(&chart, &LossChart::resampleNeeded, &chart, [&] {
            ++asked;
            chart.append(0, all);  // what the lab does: the history again
        });
        chart.append(0, all);
        const int wide = chart.columns();
        chart.resize(400, 400);
        QTRY_VERIFY(asked > 0);
        QVERIFY(chart.columns() < wide);
        QVERIFY(chart.lossPoints(0).size() <= 4 * chart.columns());
        QCOMPARE(chart.lossPoints(0).first(), QPointF(1, 2.0));
    }

    // The lines are drawn by the chart's layer where the axes put them: on an axis of 10,000
    // steps, a loss spike at step 2,500 reaches the top of the plot area a quarter of the way
    // across, and steps 5,001-10,000, not run yet, are blank.
    void theLayerDrawsWhereTheAxesSay() {
        LossChart chart;
        chart.resize(700, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.reset({"resnet20"}, 10000);
        const auto inRunColour = [](const QImage& image, const QRect& area) {
            int n = 0;
            for (int y = area.top(); y <= area.bottom(); ++y) {
                for (int x = area.left(); x <= area.right(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    const QColor want = runColor(0);
                    n += std::abs(c.red() - want.red()) + std::abs(c.green() - want.green()) +
                             std::abs(c.blue() - want.blue()) <
                         60;
                }
            }
            return n;
        };
        // The plot area in the grabbed image's pixels: chart -> scene -> viewport -> widget.
        const QRect plot =
            chart.mapFromScene(chart.chart()->mapRectToScene(chart.chart()->plotArea()))
                .boundingRect()
                .translated(chart.viewport()->pos())
                .adjusted(1, 1, -1, -1);
        QCOMPARE(inRunColour(chart.grab().toImage(), plot), 0);  // nothing yet
        chart.append(0, steps(1, 5000, 1));
        QTest::qWait(50);
        const QImage drawn = chart.grab().toImage();
        QVERIFY(inRunColour(drawn, plot) > plot.width() / 4);
        const QRect future(plot.center().x() + 3, plot.top(), plot.width() / 2 - 3, plot.height());
        QCOMPARE(inRunColour(drawn, future), 0);
        // The spike: its column, in the top tenth of the plot (the axis reaches 50 x 1.05).
        const int quarter = plot.left() + plot.width() / 4;
        const QRect spike(quarter - 5, plot.top(), 11, plot.height() / 10);
        QVERIFY(inRunColour(drawn, spike) > 0);
        // Away from the spike the loss (0.06 at step 1,250) is at the bottom: nothing in its
        // colour above (the accuracy's lighter line at 0.6 is another colour).
        const QRect beside(plot.left() + plot.width() / 8 - 3, plot.top() + plot.height() / 5, 7,
                           plot.height() * 3 / 5);
        QCOMPARE(inRunColour(drawn, beside), 0);
    }

    void gradientHistoryOfALongRunHoldsItsWidth() {
        GradientHistoryChart chart;
        chart.resize(600, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.reset("resnet20", {"layer1.0", "layer1.1", "layer1.2"}, 5000);
        chart.append(steps(1, 5000, 3), false);
        for (int b = 0; b < 3; ++b) {
            const QList<QPointF> points = chart.points(b);
            QVERIFY(points.size() <= 4 * chart.columns());
            QVERIFY(points.contains(QPointF(4000, (b + 1) * 0.01 * 100.0)));
        }
    }
};

QTEST_MAIN(ChartColumnsTest)
#include "tst_chart_columns.moc"
