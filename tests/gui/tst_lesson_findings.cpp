// What the lessons say, for outcomes the shipped runs do not produce: the plain network
// keeping up, a run that diverged or was stopped, depth not hurting, two networks hurt
// alike by a lesion, a landscape the other way round, evidence that forms only at the end.
// Hand-made results in, the sentence that outcome calls for (and its numbers, worked out by
// hand) out. tst_lessons covers the real runs.

#include <QtTest/QtTest>

#include <cmath>
#include <limits>

#include "app/core/explorer/GradCamTrace.h"
#include "widgets/lab/TrainingHistory.h"
#include "widgets/lessons/LessonFindings.h"

using namespace reslens;

namespace {

// resnet56 and plain56 over two blocks; each run's losses as given, block norms per run.
TrainingHistory pairedRun(const QVector<double>& resnet, const QVector<double>& plain,
                          const QVector<double>& resnetNorms = {2, 1},
                          const QVector<double>& plainNorms = {2, 1}) {
    TrainingPlan plan;
    plan.runs = {"resnet56", "plain56"};
    plan.blocks = {"layer1.0", "layer3.8"};
    plan.totalSteps = std::max(resnet.size(), plain.size());
    TrainingHistory history;
    history.reset(plan);
    for (int run = 0; run < 2; ++run) {
        const QVector<double>& losses = run == 0 ? resnet : plain;
        for (int i = 0; i < losses.size(); ++i) {
            StepUpdate step;
            step.run = run;
            step.step = i + 1;
            step.loss = losses[i];
            step.blockNorms = run == 0 ? resnetNorms : plainNorms;
            step.outputNorms = step.blockNorms;
            history.add(step);
        }
        history.setOutcome(run, RunStatus::Finished, QString());
    }
    return history;
}

}  // namespace

class LessonFindingsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void numbersAreWrittenByTheirSize() {
        QCOMPARE(LessonFindings::number(971.2), QString("971"));
        QCOMPARE(LessonFindings::number(16.93), QString("16.9"));
        QCOMPARE(LessonFindings::number(5.167), QString("5.17"));
        QCOMPARE(LessonFindings::number(-0.744), QString("-0.74"));
        QCOMPARE(LessonFindings::percent(0.9303), QString("93.0"));
    }

    // 8 against 2 grows fourfold towards the input; 1 against 4 shrinks to a quarter.
    void theFirstStepSaysWhichWayTheGradientGoes() {
        const TrainingHistory history = pairedRun({2.3}, {2.3}, {1, 4}, {8, 2});
        const auto f = LessonFindings::firstStep(history, LessonId::WhySkips);
        QCOMPARE(f.sentences.size(), 1);
        QCOMPARE(f.sentences[0],
                 QString("At step 1, in plain56 the first block's gradient norm is 4.00× the last "
                         "block's: it grows on its way back to the input; in resnet56 the first "
                         "block's gradient norm is 0.25× the last block's: it shrinks on its way "
                         "back to the input."));
        QCOMPARE(f.values["plain56.firstOverLast"], 4.0);
        QCOMPARE(f.values["resnet56.firstOverLast"], 0.25);
    }

    // Ten steps: the last tenth is the last step. The plain network ends lower: it kept up.
    void aPlainNetworkThatKeepsUpIsSaidToKeepUp() {
        const TrainingHistory history =
            pairedRun({2.5, 2, 2, 2, 2, 2, 2, 2, 2, 1.0}, {2.3, 2, 2, 2, 2, 2, 2, 2, 2, 0.5});
        const auto first = LessonFindings::firstStep(history, LessonId::WhySkips);
        const auto f = LessonFindings::runEnd(history, LessonId::WhySkips, first.values);
        QVERIFY(f.clean);
        QCOMPARE(f.sentences[0], QString("Mean batch loss over the last 1 of 10 steps: 1.00 for "
                                         "resnet56, 0.50 for plain56."));
        QCOMPARE(f.sentences[1], QString("The highest batch loss of the run was 1.00× the first "
                                         "for resnet56 and 1.00× for plain56."));
        QCOMPARE(f.sentences[2], QString("In this run the plain network kept up with the ResNet."));
    }

    // Ended behind and within 20% of its first loss: hardly moved.
    void aStuckPlainNetworkIsSaidToBeStuck() {
        const TrainingHistory history =
            pairedRun({2.5, 5.0, 2, 2, 2, 2, 2, 2, 2, 1.0}, {2.3, 2.3, 2, 2, 2, 2, 2, 2, 2, 2.0});
        const auto first = LessonFindings::firstStep(history, LessonId::WhySkips);
        const auto f = LessonFindings::runEnd(history, LessonId::WhySkips, first.values);
        QCOMPARE(f.sentences[1], QString("The highest batch loss of the run was 2.00× the first "
                                         "for resnet56 and 1.00× for plain56."));
        QCOMPARE(f.sentences[2], QString("The plain network ended behind and hardly moved from its "
                                         "first loss (2.30 at step 1, 2.00 at the end)."));
    }

    // A diverged run has no last tenth to compare: only the finished one's mean is given.
    void aDivergedRunIsNotComparedAsIfItHadFinished() {
        TrainingHistory history =
            pairedRun({607}, {2.3, 2.3, 2.31, 2.29, 2.3, 2.3, 2.3, 2.3, 2.3, 2.3});
        history.setOutcome(0, RunStatus::Diverged, "the loss is nan");
        const auto first = LessonFindings::firstStep(history, LessonId::WithoutBatchNorm);
        QCOMPARE(first.sentences[1],
                 QString("The loss at step 1: 607 for resnet56, 2.30 for plain56 (chance: 2.30)."));
        const auto f = LessonFindings::runEnd(history, LessonId::WithoutBatchNorm, first.values);
        QVERIFY(!f.clean);
        QCOMPARE(f.sentences[0], QString("plain56: mean batch loss 2.30 over its last 1 steps. "
                                         "resnet56 diverged at step 2."));
        QCOMPARE(f.sentences[1], QString("plain56 has not learned: its loss stayed at chance."));
        QVERIFY(
            f.sentences[2].startsWith("resnet56 without batch norm diverged, its loss at step "
                                      "1 already 607"));
        // Stopped by hand: said so, and no comparison at all.
        TrainingHistory stopped = pairedRun({2.5, 2.0}, {2.3, 2.2});
        stopped.setOutcome(1, RunStatus::Cancelled, QString());
        const auto g = LessonFindings::runEnd(stopped, LessonId::WhySkips, {});
        QCOMPARE(g.sentences, QStringList{"resnet56: mean batch loss 2.00 over its last 1 steps. "
                                          "plain56 was stopped after 2 steps."});
    }

    void depthThatDoesNotHurtIsSaidNotToHurt() {
        const auto f = LessonFindings::degradation({{"pair0.plain", 0.57},
                                                    {"pair1.plain", 0.50},
                                                    {"pair0.resnet", 0.55},
                                                    {"pair1.resnet", 0.57}});
        QVERIFY2(f.sentences[0].startsWith("From 20 to 56 layers the plain network's loss changed "
                                           "by -0.07 and the ResNet's by +0.02: in this run depth "
                                           "did not hurt the plain network more."),
                 qPrintable(f.sentences[0]));
    }

    // Medians 0.80 and 0.85 of 0.90 and 0.92: 10 and 7 points, alike.
    void networksHurtAlikeBecomeOneSentence() {
        const auto study = [](const char* arch, double baseline, QVector<double> accuracies) {
            NamedLesionStudy s;
            s.arch = arch;
            s.result.samples = 1000;
            s.result.baselineAccuracy = baseline;
            for (int i = 0; i < accuracies.size(); ++i) {
                s.result.blocks.push_back(
                    {"layer1." + std::to_string(i), "conv2_x", false, accuracies[i], 0.0});
            }
            return s;
        };
        const auto f = LessonFindings::lesion({study("resnet56", 0.90, {0.70, 0.80, 0.85}),
                                               study("plain56", 0.92, {0.85, 0.95, 0.60, 0.90})});
        QCOMPARE(f.sentences[0], QString("resnet56 on the first 1000 test images, one block "
                                         "bypassed at a time: from 70.0% to 85.0%, median 80.0% "
                                         "(every block in place: 90.0%)."));
        QCOMPARE(f.values["plain56.median"], 0.875);  // the mean of the middle two of four
        QCOMPARE(f.sentences[2], QString("At the median, bypassing one block costs the ResNet "
                                         "10.0 points and the plain network 4.5: in this run the "
                                         "two were hurt alike."));
    }

    // 1 of 4 points below 1 for the ResNet, 2 of 4 for the plain net (the NaN not counted).
    void aLandscapeTheOtherWayRoundIsSaidSo() {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        NamedLandscape resnet;
        resnet.arch = "resnet56";
        resnet.result.loss = {0.5, 2, 3, 4};
        resnet.result.samples = 200;
        NamedLandscape plain;
        plain.arch = "plain56";
        plain.result.loss = {0.5, 0.7, 3, nan, 5};
        LandscapeOptions options;
        options.points = 2;
        const auto f = LessonFindings::landscape({resnet, plain}, options);
        QCOMPARE(f.sentences[0], QString("On a 2×2 grid reaching 1.00 along each direction, over "
                                         "the first 200 training images, the loss is below 1 over "
                                         "25.0% of resnet56's map and 50.0% of plain56's."));
        QCOMPARE(f.sentences[1],
                 QString("In this slice resnet56's region of low loss was not the larger one."));
        resnet.result.cancelled = true;
        QVERIFY(!LessonFindings::landscape({resnet, plain}, options).clean);
    }

    // The correlation must stay at 0.5 or more to the end: a late dip moves the settling on.
    void evidenceSettlesWhereItStaysAlike() {
        CamTrace trace;
        trace.classLabel = "Sneaker";
        trace.probability = 0.5;
        const auto step = [](const char* target, const char* stage, int size, double r) {
            CamStep s;
            s.target = target;
            s.stage = stage;
            s.height = s.width = size;
            s.correlationWithLast = r;
            return s;
        };
        trace.steps = {step("stem", "", 28, 0.9), step("layer1.0", "conv2_x", 28, 0.6),
                       step("layer2.0", "conv3_x", 14, 0.4), step("layer3.0", "conv4_x", 7, 0.7),
                       step("layer3.1", "conv4_x", 7, 1.0)};
        const auto f = LessonFindings::evidence(trace);
        QCOMPARE(f.sentences[0], QString("For Sneaker (50.0%), the correlation of each block's map "
                                         "with the last block's, both at the input's resolution: "
                                         "stem (28×28) 0.90 · conv2_x (28×28) 0.60 to 0.60 · "
                                         "conv3_x (14×14) 0.40 to 0.40 · conv4_x (7×7) 0.70 to "
                                         "1.00."));
        QCOMPARE(f.sentences[1], QString("From layer3.0 on, every map correlates at least 0.5 "
                                         "with the last one: the evidence takes its final shape "
                                         "in conv4_x."));
        trace.steps[3].correlationWithLast = 0.2;
        QCOMPARE(LessonFindings::evidence(trace).sentences[1],
                 QString("No earlier map correlates at least 0.5 with the last one: the evidence "
                         "takes its shape at the very end."));
    }
};

QTEST_GUILESS_MAIN(LessonFindingsTest)

#include "tst_lesson_findings.moc"
