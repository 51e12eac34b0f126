// Presenter mode on the real window: F11's action goes full screen, scales the application
// font and every chart (fonts, line widths, points) by the chosen 125-200%, hides the
// toolbar and the block-cost table, turns the charts high-contrast; leaving it restores
// every one of those exactly; the choice is remembered for the next start.

#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QLineSeries>
#include <QSettings>
#include <QTemporaryDir>
#include <QToolBar>
#include <QtTest/QtTest>

#include <memory>

#include "WindowTesting.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/lab/LossChart.h"
#include "widgets/lab/TrainingLabPanel.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/shell/PresenterMode.h"
#include "widgets/shell/SettingsKeys.h"

using namespace reslens;
using reslens::testing::find;

namespace {

struct SeriesLook {
    double width;
    QColor color;
};

// The loss chart after a reset: two runs, so its series exist as the lab draws them.
QList<SeriesLook> lossSeriesLook(LossChart* chart) {
    QList<SeriesLook> looks;
    for (QAbstractSeries* s : chart->chart()->series()) {
        auto* line = qobject_cast<QLineSeries*>(s);
        looks << SeriesLook{line->pen().widthF(), line->pen().color()};
    }
    return looks;
}

}  // namespace

class PresenterModeTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void presenterModeScalesHidesContrastsAndRestores() {
        MainWindow window;
        window.show();
        window.showPage(Page::Lab);  // charts style new series when they are painted
        LossChart* loss = find<TrainingLabPanel>(window)->lossChart();
        loss->reset({"resnet20", "plain20"}, 10);
        QTest::qWait(50);  // the chart paints; its new series pick up the style
        const QList<SeriesLook> before = lossSeriesLook(loss);
        QCOMPARE(before.size(), 4);  // loss and accuracy per run
        const double appFont = QApplication::font().pointSizeF();
        const double titleFont = loss->chart()->titleFont().pointSizeF();
        QToolBar* toolbar = window.findChild<QToolBar*>("mainToolbar");
        QDockWidget* costs = window.findChild<QDockWidget*>("parametersDock");
        QVERIFY(toolbar->isVisible() && costs->isVisible());

        PresenterMode* presenter = find<PresenterMode>(window);
        presenter->setScalePercent(150);
        presenter->setHighContrast(true);
        presenter->setActive(true);
        QVERIFY(window.windowState() & Qt::WindowFullScreen);
        QVERIFY(!toolbar->isVisible() && !costs->isVisible());
        QCOMPARE(QApplication::font().pointSizeF(), appFont * 1.5);
        QCOMPARE(loss->chart()->titleFont().pointSizeF(), titleFont * 1.5);
        const QList<SeriesLook> presented = lossSeriesLook(loss);
        for (int i = 0; i < 4; ++i) {
            // 1.5x the scale, 1.5x again for contrast.
            QCOMPARE(presented[i].width, before[i].width * 1.5 * 1.5);
            QVERIFY(presented[i].color.value() <= 170);
            QVERIFY(presented[i].color.hsvSaturation() >= 220);
            QVERIFY(qAbs(presented[i].color.hsvHue() - before[i].color.hsvHue()) <= 2);
        }
        QCOMPARE(loss->chart()->backgroundBrush().color(), QColor(Qt::white));
        // A series added while presenting is styled too.
        loss->reset({"resnet56"}, 10);
        QTest::qWait(50);
        QTRY_COMPARE(lossSeriesLook(loss).value(0).width, before[0].width * 1.5 * 1.5);
        loss->reset({"resnet20", "plain20"}, 10);
        QTest::qWait(50);

        presenter->setScalePercent(200);  // a new scale applies at once
        QCOMPARE(QApplication::font().pointSizeF(), appFont * 2.0);
        QTRY_COMPARE(lossSeriesLook(loss).value(0).width, before[0].width * 2.0 * 1.5);

        presenter->setActive(false);
        QVERIFY(!(window.windowState() & Qt::WindowFullScreen));
        QVERIFY(toolbar->isVisible() && costs->isVisible());
        QCOMPARE(QApplication::font().pointSizeF(), appFont);
        QCOMPARE(loss->chart()->titleFont().pointSizeF(), titleFont);
        const QList<SeriesLook> after = lossSeriesLook(loss);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(after[i].width, before[i].width);
            QCOMPARE(after[i].color, before[i].color);
        }
        QCOMPARE(QSettings().value(settings::kPresenterScale).toInt(), 200);
    }

    void theModeIsRememberedForTheNextStart() {
        {
            MainWindow window;
            window.show();
            find<PresenterMode>(window)->setScalePercent(175);
            find<PresenterMode>(window)->setActive(true);
            window.close();
        }
        QCOMPARE(QSettings().value(settings::kPresenterMode).toBool(), true);
        MainWindow next;
        next.show();
        QVERIFY(find<PresenterMode>(next)->active());
        QCOMPARE(find<PresenterMode>(next)->scalePercent(), 175);
        QVERIFY(next.windowState() & Qt::WindowFullScreen);
        // The panels presenter mode hid come back when it is left: the saved layout is the
        // one from before presenter mode.
        find<PresenterMode>(next)->setActive(false);
        QVERIFY(next.findChild<QToolBar*>("mainToolbar")->isVisible());
        QVERIFY(next.findChild<QDockWidget*>("parametersDock")->isVisible());
        next.close();
    }
};

int main(int argc, char** argv) {
    return reslens::testing::runWithOwnSettings<PresenterModeTest>(argc, argv,
                                                                   "tst_presenter_mode");
}

#include "tst_presenter_mode.moc"
