// The minimal window shows the block list of the chosen architecture.

#include <QSignalSpy>
#include <QtTest/QtTest>

#include "widgets/BlockListWidget.h"
#include "widgets/MainWindow.h"

using namespace reslens;

class MainWindowTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsEveryBlockOfTheChosenArchitecture() {
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::architectureShown);
        window.showArchitecture("resnet50");
        QVERIFY(shown.wait(60000));
        QCOMPARE(window.blockList()->blockCount(), 3 + 4 + 6 + 3);
        // stem, four stages, head
        QCOMPARE(window.blockList()->topLevelItemCount(), 6);
        QCOMPARE(window.blockList()->topLevelItem(1)->text(0), QString("conv2_x"));
        QCOMPARE(window.blockList()->topLevelItem(1)->child(0)->text(0), QString("layer1.0"));
        QCOMPARE(window.blockList()->topLevelItem(1)->child(0)->text(2), QString("projection"));

        window.showArchitecture("plain56");
        QVERIFY(shown.wait(60000));
        QCOMPARE(window.blockList()->blockCount(), 27);
        QCOMPARE(window.blockList()->topLevelItem(1)->child(0)->text(2), QString("none"));
        QCOMPARE(window.architecture(), QString("plain56"));
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_main_window.moc"
