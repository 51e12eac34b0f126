// The lessons' sentences in the app's language (LessonFindings): a template translated
// through Qt's translator (context "LessonSentences") and filled with its arguments in one
// pass, in the translation's order; the numbers' names and spreads in the guide's table.
// LessonReport chooses the sentences (tst_lesson_report); tst_lessons runs the real lessons.

#include <QTranslator>
#include <QtTest/QtTest>

#include <cmath>
#include <limits>

#include "widgets/lessons/LessonFindings.h"

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
};

QTEST_GUILESS_MAIN(LessonFindingsTest)

#include "tst_lesson_findings.moc"
