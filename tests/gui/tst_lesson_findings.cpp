// The lessons' sentences in the app's language (LessonFindings): a template translated
// through Qt's translator (context "LessonSentences") and filled with its arguments in one
// pass, in the translation's order; the numbers' names and spreads in the guide's table.
// LessonReport chooses the sentences (tst_lesson_report); tst_lessons runs the real lessons.

#include <QFile>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest/QtTest>

#include <cmath>
#include <limits>

#include "widgets/lessons/LessonFindings.h"
#include "widgets/lessons/LessonHandout.h"

using namespace reslens;

namespace {

// A translator that knows one sentence, with its arguments the other way round.
class OneSentence : public QTranslator {
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char*, int) const override {
        if (QByteArray(context) == "LessonSentences" &&
            QByteArray(source) == "%1 diverged at step %2.") {
            return QStringLiteral("第 %2 步时 %1 发散了。");
        }
        return {};
    }
};

}  // namespace

class LessonFindingsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aSentenceIsFilledInOnePass() {
        const LessonSentence s{"%1 of %2's map, %1 again", {"7.4%", "x%2"}};
        QCOMPARE(LessonFindings::sentence(s), QString("7.4% of x%2's map, 7.4% again"));
        QCOMPARE(LessonFindings::sentence(s).toStdString(), s.english());
    }

    void aTranslationMayReorderTheArguments() {
        OneSentence translator;
        QCoreApplication::installTranslator(&translator);
        const LessonSentence s{"%1 diverged at step %2.", {"resnet56", "2"}};
        QCOMPARE(LessonFindings::sentence(s), QString("第 2 步时 resnet56 发散了。"));
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(LessonFindings::sentence(s), QString("resnet56 diverged at step 2."));
    }

    void theTableNamesAndSpreadsTheNumbers() {
        QCOMPARE(LessonFindings::label("plain56.lastLoss"),
                 QString("plain56: mean loss over the last tenth of the steps"));
        QCOMPARE(LessonFindings::label("cam.layer3.0"),
                 QString("layer3.0: correlation with the last map"));
        QCOMPARE(LessonFindings::label("something.new"), QString("something.new"));
        const Quantity share = quantityOf("x", QuantityKind::Share, {0.93, 0.91, 0.95});
        QCOMPARE(LessonFindings::spread(share), QString("93.0% (91.0%–95.0%)"));
        const Quantity one = quantityOf("x", QuantityKind::Number, {971.2});
        QCOMPARE(LessonFindings::spread(one), QString("971"));
    }

    // One A4 page: a PDF, and a PNG at 150 dpi whose top carries the window's picture and
    // whose text is drawn below it; a bad suffix or folder is one message, no file.
    void aHandoutIsOnePage() {
        QTemporaryDir dir;
        HandoutContent content;
        content.title = "Why skip connections?";
        content.summary = "ResNet-56 beside plain-56.";
        content.ask = "Is the plain network stuck?";
        content.sentences = {"Measured over 3 seeds (1, 2, 3)."};
        content.numbersHtml = "<table><tr><td>plain56</td><td>971</td></tr></table>";
        content.seeds = "Measured over seeds 1, 2, 3 on this machine.";
        content.citation = "K. He et al. CVPR 2016.";
        content.screen = QImage(400, 300, QImage::Format_RGB32);
        content.screen.fill(QColor(200, 0, 0));
        QCOMPARE(LessonHandout::write(dir.filePath("h.pdf"), content), QString());
        QFile pdf(dir.filePath("h.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        // One page object ("/Type /Page", not the "/Type /Pages" tree).
        QCOMPARE(QString::fromLatin1(bytes).count(QRegularExpression("/Type\\s*/Page(?!s)")), 1);
        QCOMPARE(LessonHandout::write(dir.filePath("h.png"), content), QString());
        const QImage png(dir.filePath("h.png"));
        QCOMPARE(png.size(), QSize(1240, 1754));  // A4 at 150 dpi
        // The picture, red, near the top; text (dark pixels) below it; white margins.
        QCOMPARE(png.pixelColor(png.width() / 2, 150), QColor(200, 0, 0));
        QCOMPARE(png.pixelColor(20, 20), QColor(Qt::white));
        int dark = 0;
        for (int y = png.height() / 3; y < png.height(); y += 2) {
            for (int x = 0; x < png.width(); x += 2) {
                dark += qGray(png.pixel(x, y)) < 100 ? 1 : 0;
            }
        }
        QVERIFY2(dark > 200, qPrintable(QString::number(dark)));
        QVERIFY(LessonHandout::write(dir.filePath("h.txt"), content).contains(".pdf or a .png"));
        QVERIFY(!QFile::exists(dir.filePath("h.txt")));
        QVERIFY(!LessonHandout::write(dir.filePath("no/such/h.png"), content).isEmpty());
    }
};

QTEST_MAIN(LessonFindingsTest)

#include "tst_lesson_findings.moc"
