// The instruments' views (widgets/instruments): each runs on the shipped model and its twin
// through the study runner, draws both, exports PNG, SVG and CSV, stops on cancel, reports a
// bad input in one message, and works on a user's own ResNet imported from a training
// checkpoint (DataParallel prefixes, tests/fixtures/user_checkpoint.py).

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "PythonFixture.h"
#include "app/core/models/ModelRequest.h"
#include "widgets/instruments/CkaHeatmap.h"
#include "widgets/instruments/CurveChart.h"
#include "widgets/instruments/GradientLineView.h"
#include "widgets/instruments/InstrumentsPage.h"
#include "widgets/instruments/ProbeView.h"
#include "widgets/instruments/SimilarityView.h"

using namespace reslens;

namespace {

constexpr int kWaitMs = 600000;

// Lines of a text file (the CSV exports), header included.
QStringList linesOf(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
}

bool nonEmptyFile(const QString& path) {
    return QFileInfo(path).size() > 100;
}

}  // namespace

class InstrumentViewsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void gradientLineOnTheShippedTwins() {
        GradientLineView view;
        view.resize(1000, 800);
        view.setModel(ModelRequest::shipped("default"), QStringLiteral("default (resnet20)"));
        view.setPoints(32);
        QSignalSpy finished(&view, &GradientLineView::finished);
        QSignalSpy errors(&view, &GradientLineView::errorOccurred);
        view.runLoadedModel();
        QVERIFY(view.running());
        QTRY_VERIFY_WITH_TIMEOUT(!view.running() && view.results().size() == 2, kWaitMs);
        QCOMPARE(errors.count(), 0);
        QCOMPARE(view.results()[0].arch, std::string("resnet20"));
        QCOMPARE(view.results()[1].arch, std::string("plain20"));  // the twin
        QCOMPARE(view.trainedChart()->curveCount(), 2);
        QCOMPARE(view.freshChart()->curveCount(), 2);
        QCOMPARE(view.results()[0].model.derivative.size(), size_t(32));

        view.runSweep();
        QTRY_VERIFY_WITH_TIMEOUT(!view.running() && view.sweep().has_value(), kWaitMs);
        QCOMPARE(view.sweep()->entries.size(), size_t(6));
        QCOMPARE(view.sweepChart()->curveCount(), 6);

        const QString csv = dir_.filePath("line.csv");
        QCOMPARE(view.exportCsv(csv), QString());
        // Header, 2 models × (trained, fresh) × 32 points, 6 sweep networks × 32 points.
        QCOMPARE(linesOf(csv).size(), 1 + 2 * 2 * 32 + 6 * 32);
        QCOMPARE(view.exportCharts(dir_.filePath("line.png")), QString());
        QCOMPARE(view.exportCharts(dir_.filePath("line.svg")), QString());
        QVERIFY(nonEmptyFile(dir_.filePath("line.png")));
        QVERIFY(linesOf(dir_.filePath("line.svg")).join(' ').contains("<svg"));
    }

    void similarityOnTheShippedTwins() {
        SimilarityView view;
        view.resize(1000, 700);
        view.setModel(ModelRequest::shipped("default"), QStringLiteral("default (resnet20)"));
        view.setSamples(48);
        view.runLoadedModel();
        QTRY_VERIFY_WITH_TIMEOUT(!view.running() && view.results().size() == 2, kWaitMs);
        QCOMPARE(view.results()[1].arch, std::string("plain20"));
        QCOMPARE(view.results()[0].cka.size(), size_t(10));
        const QString csv = dir_.filePath("similarity.csv");
        QCOMPARE(view.exportCsv(csv), QString());
        QCOMPARE(linesOf(csv).size(), 1 + 2 * 10 * 10);
        QCOMPARE(view.exportCharts(dir_.filePath("similarity.svg")), QString());
        QCOMPARE(view.exportCharts(dir_.filePath("similarity.png")), QString());
        QVERIFY(nonEmptyFile(dir_.filePath("similarity.png")));
    }

    void probesOnTheShippedTwinsAndCancel() {
        ProbeView view;
        view.resize(900, 600);
        view.setModel(ModelRequest::shipped("default"), QStringLiteral("default (resnet20)"));
        view.setSamples(300, 300);
        view.runLoadedModel();
        QTRY_VERIFY_WITH_TIMEOUT(!view.running() && view.results().size() == 2, kWaitMs);
        // Per model the probe curve and the network's own accuracy.
        QCOMPARE(view.chart()->curveCount(), 4);
        QCOMPARE(view.results()[0].blocks.size(), size_t(10));
        const QString csv = dir_.filePath("probes.csv");
        QCOMPARE(view.exportCsv(csv), QString());
        QCOMPARE(linesOf(csv).size(), 1 + 2 * 11);
        QCOMPARE(view.exportChart(dir_.filePath("probes.svg")), QString());

        // Cancel: the run stops, nothing is left running, what was probed is marked.
        view.setSamples(60000, 0);
        view.runLoadedModel();
        QTest::qWait(300);
        view.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!view.running(), 60000);
        QVERIFY(view.results().size() <= 1);
        if (!view.results().isEmpty()) {
            QVERIFY(view.results()[0].cancelled);
        }
    }

    void badDataIsOneMessage() {
        SimilarityView view;
        view.setModel(ModelRequest::shipped("default"), QStringLiteral("default (resnet20)"));
        QSignalSpy errors(&view, &SimilarityView::errorOccurred);
        view.setSamples(1);  // the spin box keeps it at 2: the data is what fails below
        view.findChild<QLineEdit*>()->setText(QStringLiteral("cifar10:/nonexistent"));
        view.runLoadedModel();
        QTRY_VERIFY_WITH_TIMEOUT(!view.running(), kWaitMs);
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors[0][0].toString().startsWith("Similarity: "));
        QVERIFY(view.results().isEmpty());
    }

    void aUsersImportedResNet() {
        const QString checkpoint = dir_.filePath("user.th");
        QVERIFY2(runPythonFixture("user_checkpoint.py", {checkpoint}).isEmpty(),
                 "user_checkpoint.py");
        ModelRequest request = ModelRequest::torchScript(checkpoint.toStdString());
        request.import.input = std::make_pair(28, 28);
        InstrumentsPage page;
        page.resize(1000, 800);
        page.setModel(request, QStringLiteral("user.th (resnet20)"));
        QSignalSpy errors(&page, &InstrumentsPage::errorOccurred);

        page.gradientLine()->setPoints(32);
        page.gradientLine()->runLoadedModel();  // no shipped twin: the model alone
        QTRY_VERIFY_WITH_TIMEOUT(!page.running() && page.gradientLine()->results().size() == 1,
                                 kWaitMs);
        QCOMPARE(page.gradientLine()->results()[0].arch, std::string("resnet20"));

        page.similarity()->setSamples(40);
        page.similarity()->runLoadedModel();
        QTRY_VERIFY_WITH_TIMEOUT(!page.running() && page.similarity()->results().size() == 1,
                                 kWaitMs);
        page.probes()->setSamples(200, 200);
        page.probes()->runLoadedModel();
        QTRY_VERIFY_WITH_TIMEOUT(!page.running() && page.probes()->results().size() == 1, kWaitMs);
        QCOMPARE(page.probes()->results()[0].blocks.size(), size_t(10));
        QCOMPARE(errors.count(), 0);
    }

private:
    QTemporaryDir dir_;
};

QTEST_MAIN(InstrumentViewsTest)
#include "tst_instrument_views.moc"
