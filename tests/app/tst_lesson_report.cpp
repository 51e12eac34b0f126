// What the lessons say over their seeds (app/core/lessons), from hand-made results: the
// rule that lets a comparison be said (same sign in every seed, the smallest effect beyond
// the other network's spread), each lesson's sentences for each outcome, the numbers'
// medians and ranges, and the record's JSON. Every expected number is arithmetic on the
// inputs written here, or the issue's own measured degradation numbers.

#include <QtTest/QtTest>

#include <cmath>
#include <limits>

#ifndef Q_MOC_RUN
#include "app/core/lessons/LessonRecord.h"
#include "app/core/lessons/LessonReport.h"
#include "app/core/lessons/SeedMeasure.h"
#include "app/core/lessons/SeedSpread.h"
#include "app/core/lessons/TurningClip.h"
#include "model/runtime/InputError.h"
#endif

using namespace reslens;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

QString said(const LessonRecord& record) {
    QStringList out;
    for (const LessonSentence& s : record.sentences) {
        out << QString::fromStdString(s.english());
    }
    return out.join('\n');
}

// A finished run whose batch losses fall linearly from `first` to `last` over 100 steps
// (the last tenth's mean is then the mean of its last 10 values), with step-1 norms from
// `firstNorm` (first block) to 1 (last block).
void addRun(SeedMeasure& m, const std::string& run, double first, double last, double firstNorm,
            RunStatus status = RunStatus::Finished, int steps = 100) {
    std::vector<double> losses;
    for (int i = 0; i < steps; ++i) {
        losses.push_back(first + (last - first) * i / 99.0);
    }
    measurePairedRun(m, run, losses, {firstNorm, 2.0, 1.0}, status);
}

double lastTenthOfLine(double first, double last) {
    double sum = 0;
    for (int i = 90; i < 100; ++i) {
        sum += first + (last - first) * i / 99.0;
    }
    return sum / 10;
}

// The degradation lesson's four runs for one seed, by their last-tenth losses.
SeedMeasure degradationSeed(uint64_t seed, double resnet20, double plain20, double resnet56,
                            double plain56) {
    SeedMeasure m;
    m.seed = seed;
    // Constant losses: the last tenth's mean is the value itself.
    for (const auto& [run, loss] :
         std::vector<std::pair<std::string, double>>{{"resnet20", resnet20},
                                                     {"plain20", plain20},
                                                     {"resnet56", resnet56},
                                                     {"plain56", plain56}}) {
        measurePairedRun(m, run, std::vector<double>(300, loss), {1.0, 1.0}, RunStatus::Finished);
    }
    return m;
}

}  // namespace

class LessonReportTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aQuantityIsItsMedianAndRange() {
        const Quantity odd = quantityOf("x", QuantityKind::Number, {3, 1, 2});
        QCOMPARE(odd.median, 2.0);
        QCOMPARE(odd.min, 1.0);
        QCOMPARE(odd.max, 3.0);
        QCOMPARE(quantityOf("x", QuantityKind::Number, {4, 1, 3, 2}).median, 2.5);
        // NaN (a run that was not measured) is left out, not sorted somewhere.
        const Quantity gap = quantityOf("x", QuantityKind::Number, {5, kNaN, 1});
        QCOMPARE(gap.median, 3.0);
        QCOMPARE(gap.values.size(), size_t(3));
        QVERIFY(std::isnan(quantityOf("x", QuantityKind::Number, {kNaN}).median));
    }

    void theEvidenceRule() {
        // The three seeds, 20 to 56 layers: plain +0.82, +1.36, +1.21; ResNet -0.02,
        // -0.02, +0.05. Effects 0.84, 1.38, 1.16 against a ResNet spread of 0.07.
        const std::vector<double> resnet = {-0.02, -0.02, 0.05};
        QCOMPARE(weigh({0.84, 1.38, 1.16}, resnet), Evidence::Holds);
        QCOMPARE(weigh({-0.84, -1.38, -1.16}, resnet), Evidence::Opposite);
        QCOMPARE(weigh({0.84, -0.01, 1.16}, resnet), Evidence::Unsettled);  // a sign changed
        // Every effect positive, but the smallest (0.06) is within the spread (0.07).
        QCOMPARE(weigh({0.06, 1.38, 1.16}, resnet), Evidence::Unsettled);
        QCOMPARE(weigh({0.08, 1.38, 1.16}, resnet), Evidence::Holds);
        QCOMPARE(weigh({0.5}, {0.1}), Evidence::OneRun);
        QCOMPARE(weigh({0.5, kNaN}, {0.1, 0.2}), Evidence::Unsettled);
        QCOMPARE(spreadOf({0.3, -0.2, 0.1}), 0.5);
    }

    void numbersAreWrittenAsTheLessonsWriteThem() {
        QCOMPARE(formatNumber(971.4), std::string("971"));
        QCOMPARE(formatNumber(57.34), std::string("57.3"));
        QCOMPARE(formatNumber(0.574), std::string("0.57"));
        QCOMPARE(formatNumber(-0.001), std::string("0.00"));  // no sign the number lacks
        QCOMPARE(formatQuantityValue(0.934, QuantityKind::Share), std::string("93.4%"));
        QCOMPARE(formatNumber(kNaN), std::string("–"));
    }

    void aSentenceFillsItsTemplateOnce() {
        const LessonSentence s{"%1×%1 grid, %2 of %3, 100%", {"11", "7.4%", "x%1"}};
        // An argument's own "%" or "%1" is not filled again.
        QCOMPARE(s.english(), std::string("11×11 grid, 7.4% of x%1, 100%"));
        QCOMPARE((LessonSentence{"%1 and %4", {"a"}}).english(), std::string("a and %4"));
    }

    void aPairedRunIsMeasuredFromItsLossesAndNorms() {
        SeedMeasure m;
        addRun(m, "plain56", 2.3, 1.0, 600);
        QCOMPARE(m.value("plain56.firstOverLast"), 600.0);  // 600 / 1
        QCOMPARE(m.value("plain56.firstLoss"), 2.3);
        QVERIFY(std::abs(m.value("plain56.lastLoss") - lastTenthOfLine(2.3, 1.0)) < 1e-12);
        QCOMPARE(m.value("plain56.peakOverFirst"), 1.0);  // falling: the first is the highest
        QCOMPARE(m.value("plain56.diverged"), 0.0);
        QVERIFY(m.complete);
        SeedMeasure diverged;
        addRun(diverged, "resnet56", 600, 600, 1, RunStatus::Diverged, 1);
        QVERIFY(!diverged.complete);
        QCOMPARE(diverged.value("resnet56.divergedAt"), 2.0);  // one step done, the next blew up
        QVERIFY(std::isnan(diverged.value("resnet56.lastLoss")));
        QCOMPARE(diverged.notes.front().english(), std::string("resnet56 diverged at step 2."));
    }

    void degradationSaysTheDirectionWhenEverySeedAgrees() {
        // The seeds: plain rises by 0.82, 1.36, 1.21; the ResNet by -0.02, -0.02, 0.05.
        const std::vector<SeedMeasure> seeds = {degradationSeed(1, 0.55, 0.57, 0.53, 1.39),
                                                degradationSeed(2, 0.50, 0.52, 0.48, 1.88),
                                                degradationSeed(3, 0.52, 0.55, 0.57, 1.76)};
        const LessonRecord record =
            reportLesson(LessonId::Degradation, seeds, LessonSettings::reference());
        QCOMPARE(record.seeds, (std::vector<uint64_t>{1, 2, 3}));
        const Quantity* plain = record.quantity("plain.change");
        QVERIFY(plain);
        QVERIFY(std::abs(plain->median - 1.21) < 1e-9);
        QVERIFY(std::abs(plain->min - 0.82) < 1e-9);
        QVERIFY(std::abs(plain->max - 1.36) < 1e-9);
        const QString text = said(record);
        QVERIFY2(text.contains("Measured over 3 seeds (1, 2, 3)"), qPrintable(text));
        QVERIFY2(text.contains("the plain network's loss changed by +1.21 (0.82–1.36) and the "
                               "ResNet's by -0.02 (-0.02–0.05)"),
                 qPrintable(text));
        QVERIFY2(text.contains("In every seed depth hurt the plain network more"),
                 qPrintable(text));
        // What it measured, not He et al.'s finding restated.
        QVERIFY(
            text.contains("they measured training error at convergence, this lesson the loss "
                          "after a short run"));
        QVERIFY(!text.contains("This is the degradation problem"));
    }

    void degradationSaysItIsUnsettledOtherwise() {
        // Seed 2's plain network rose by less (0.04) than the ResNet's spread (0.07).
        const std::vector<SeedMeasure> seeds = {degradationSeed(4, 0.55, 0.57, 0.53, 1.39),
                                                degradationSeed(5, 0.50, 0.52, 0.48, 0.56),
                                                degradationSeed(6, 0.52, 0.55, 0.57, 1.76)};
        const QString text =
            said(reportLesson(LessonId::Degradation, seeds, LessonSettings::reference()));
        QVERIFY2(text.contains("These seeds did not settle whether depth hurts the plain network "
                               "more"),
                 qPrintable(text));
        QVERIFY(!text.contains("In every seed"));
        // One run: what happened, and that one run settles nothing.
        const QString one =
            said(reportLesson(LessonId::Degradation, {degradationSeed(1, 0.55, 0.57, 0.53, 1.39)},
                              LessonSettings::reference()));
        QVERIFY2(one.contains("Measured in one run (seed 1)"), qPrintable(one));
        QVERIFY(one.contains("One run cannot settle the comparison"));
        QVERIFY(!one.contains("depth hurt"));
    }

    void whySkipsComparesTheLossesOnlyBeyondTheSpread() {
        std::vector<SeedMeasure> seeds;
        // Plain ends at 1.3, 1.2, 1.4 (as lines to these values), the ResNet at 0.6, 0.5, 0.7.
        const double plainEnd[] = {1.3, 1.2, 1.4};
        const double resnetEnd[] = {0.6, 0.5, 0.7};
        for (int i = 0; i < 3; ++i) {
            SeedMeasure m;
            m.seed = uint64_t(i + 1);
            addRun(m, "resnet56", 2.3, resnetEnd[i], 5);
            addRun(m, "plain56", 2.3, plainEnd[i], 900 + i);
            seeds.push_back(m);
        }
        const LessonRecord record =
            reportLesson(LessonId::WhySkips, seeds, LessonSettings::reference());
        const QString text = said(record);
        QVERIFY2(text.contains("In plain56 the gradient grows on its way back to the input, in "
                               "every seed."),
                 qPrintable(text));
        QVERIFY(text.contains("In every seed that ratio was larger in plain56 than in resnet56"));
        // Effects 0.7 each against a ResNet spread of 0.2 (the last tenths keep the gaps).
        QVERIFY2(text.contains("In every seed plain56 ended behind resnet56"), qPrintable(text));
        QVERIFY(text.contains("plain56 was not stuck"));  // 1.3 < 0.8 x 2.3 in every seed
        QCOMPARE(record.quantity("plain56.firstOverLast")->median, 901.0);
        // A ResNet spread wider than the gap: unsettled.
        SeedMeasure wide;
        wide.seed = 4;
        addRun(wide, "resnet56", 2.3, 1.35, 5);
        addRun(wide, "plain56", 2.3, 1.3, 900);
        seeds.push_back(wide);
        const QString unsettled =
            said(reportLesson(LessonId::WhySkips, seeds, LessonSettings::reference()));
        QVERIFY2(unsettled.contains("These seeds did not settle which network ends lower"),
                 qPrintable(unsettled));
    }

    void aRunThatEndedEarlyIsSaidAndNotCompared() {
        SeedMeasure one;
        one.seed = 1;
        addRun(one, "resnet56", 2.3, 0.6, 5);
        addRun(one, "plain56", 2.3, 1.3, 900);
        SeedMeasure two;
        two.seed = 2;
        addRun(two, "resnet56", 600, 600, 5, RunStatus::Diverged, 2);
        addRun(two, "plain56", 2.3, 1.3, 900);
        const LessonRecord record =
            reportLesson(LessonId::WhySkips, {one, two}, LessonSettings::reference());
        QVERIFY(!record.complete);
        const QString text = said(record);
        QVERIFY2(text.contains("Seed 2: resnet56 diverged at step 3."), qPrintable(text));
        QVERIFY(!text.contains("ended behind"));
    }

    void withoutBatchNormCountsTheSeeds() {
        std::vector<SeedMeasure> seeds;
        for (uint64_t seed = 1; seed <= 3; ++seed) {
            SeedMeasure m;
            m.seed = seed;
            addRun(m, "resnet56", 600, 600, 5,
                   seed == 3 ? RunStatus::Finished : RunStatus::Diverged, seed == 3 ? 100 : 1);
            // ln 10 to the fourth decimal: "at chance".
            measurePairedRun(m, "plain56", std::vector<double>(100, 2.3026), {0.1, 1.0},
                             RunStatus::Finished);
            seeds.push_back(m);
        }
        const QString text =
            said(reportLesson(LessonId::WithoutBatchNorm, seeds, LessonSettings::reference()));
        QVERIFY2(text.contains("resnet56 without batch norm diverged in 2 of 3 seeds, at step 2."),
                 qPrintable(text));
        QVERIFY(text.contains("plain56 did not learn in any seed"));
        QVERIFY(text.contains("In plain56 the gradient shrinks on its way back to the input"));
        // The unmeasured explanation is gone.
        QVERIFY(!text.contains("activations grow"));
    }

    void lesionAndLandscapeFollowTheRule() {
        std::vector<SeedMeasure> seeds;
        for (uint64_t seed = 1; seed <= 3; ++seed) {
            SeedMeasure m;
            m.seed = seed;
            for (const char* arch : {"resnet56", "plain56"}) {
                NamedLesionStudy study;
                study.arch = arch;
                study.result.samples = 1000;
                study.result.baselineAccuracy = 0.93;
                const bool plain = std::string(arch) == "plain56";
                // Three blocks: 0.05, middle, 0.925; the middle is the median.
                const double middle =
                    plain ? 0.10 + 0.01 * double(seed) : 0.92 - 0.01 * double(seed);
                for (double accuracy : {0.05, middle, 0.925}) {
                    study.result.blocks.push_back({"b", "s", false, accuracy, 1.0});
                }
                measureLesion(m, study);
                NamedLandscape slice;
                slice.arch = arch;
                slice.result.loss = plain ? std::vector<double>{0.5, 2, 2, 2}
                                          : std::vector<double>{0.5, 0.6, 0.7, 2};
                measureLandscape(m, slice);
            }
            seeds.push_back(m);
        }
        const LessonRecord lesion =
            reportLesson(LessonId::BlockIsCorrection, seeds, LessonSettings::reference());
        // Costs: plain 0.93 - 0.11/0.12/0.13, the ResNet 0.02/0.03/0.04 (spread 0.02).
        QVERIFY(std::abs(lesion.quantity("plain56.cost")->median - 0.81) < 1e-9);
        const QString lesionText = said(lesion);
        QVERIFY2(lesionText.contains("at the median 81.0 (80.0–82.0) points of accuracy against "
                                     "3.00 (2.00–4.00)"),
                 qPrintable(lesionText));
        QVERIFY(lesionText.contains("Veit et al. 2016"));
        const LessonRecord landscape =
            reportLesson(LessonId::Landscape, seeds, LessonSettings::reference());
        QCOMPARE(landscape.quantity("resnet56.below1")->median, 0.75);
        QCOMPARE(landscape.quantity("plain56.below1")->median, 0.25);
        QVERIFY2(said(landscape).contains("In every seed resnet56's region of low loss was the "
                                          "larger"),
                 qPrintable(said(landscape)));
        // A cancelled study: one sentence, no numbers.
        SeedMeasure cancelled;
        cancelled.seed = 1;
        NamedLesionStudy stopped;
        stopped.arch = "resnet56";
        stopped.result.cancelled = true;
        measureLesion(cancelled, stopped);
        const LessonRecord none =
            reportLesson(LessonId::BlockIsCorrection, {cancelled}, LessonSettings::reference());
        QCOMPARE(said(none), QString("The study was cancelled: run the lesson again for its "
                                     "numbers."));
    }

    void shatteredGradientsSaysWhatTheLagsShow() {
        // Hand-made lines: the fresh ResNet's lag 30, 2, 40 against plain's 1, 1, 1 (holds in
        // every seed); trained 10, 9, 13 against 8, 20, 8 (not settled).
        const auto line = [](const std::string& arch, int trainedLag, int freshLag) {
            GradientLineResult r;
            r.arch = arch;
            r.t.assign(256, 0.0);
            r.model.lag = trainedLag;
            r.fresh.lag = freshLag;
            return r;
        };
        const int resnetFresh[] = {30, 2, 40}, plainTrained[] = {8, 20, 8},
                  resnetTrained[] = {10, 9, 13};
        std::vector<SeedMeasure> seeds;
        for (int i = 0; i < 3; ++i) {
            SeedMeasure m;
            m.seed = uint64_t(i + 1);
            measureGradientLine(m, line("resnet56", resnetTrained[i], resnetFresh[i]));
            measureGradientLine(m, line("plain56", plainTrained[i], 1));
            seeds.push_back(m);
        }
        const LessonRecord record =
            reportLesson(LessonId::ShatteredGradients, seeds, LessonSettings::reference());
        QCOMPARE(record.quantity("resnet56.freshLag")->median, 30.0);
        QCOMPARE(record.quantity("plain56.freshLag")->max, 1.0);
        const QString text = said(record);
        QVERIFY2(text.contains("at lag 30 (2–40) in resnet56 and at lag 1 in plain56"),
                 qPrintable(text));
        QVERIFY(
            text.contains("In every seed the fresh resnet56's derivative stayed correlated "
                          "over more points than the fresh plain56's"));
        QVERIFY(text.contains("Balduzzi et al. 2017"));
        QVERIFY(text.contains("lag 10 (9–13) in resnet56, lag 8 (8–20) in plain56"));
        QVERIFY(text.contains("After training these seeds did not settle"));

        // One seed where the plain network is as correlated: no longer "every seed".
        seeds[1] = SeedMeasure();
        seeds[1].seed = 2;
        measureGradientLine(seeds[1], line("resnet56", 9, 1));
        measureGradientLine(seeds[1], line("plain56", 20, 1));
        const QString unsettled =
            said(reportLesson(LessonId::ShatteredGradients, seeds, LessonSettings::reference()));
        QVERIFY(unsettled.contains("These seeds did not settle which fresh network"));
        QVERIFY(!unsettled.contains("Balduzzi"));

        // A line stopped midway: one sentence, no numbers.
        SeedMeasure stopped;
        GradientLineResult cancelled = line("resnet56", 1, 1);
        cancelled.cancelled = true;
        measureGradientLine(stopped, cancelled);
        QCOMPARE(said(reportLesson(LessonId::ShatteredGradients, {stopped},
                                   LessonSettings::reference())),
                 QString("The lines were not walked to the end: run the lesson again for its "
                         "numbers."));
    }

    void watchTheBlocksSaysWhatEachPoseCost() {
        // A hand-made clip: two products, 4 face-on frames, 2 edge-on, 2 on their side,
        // 2 upside down; the classes named frame by frame.
        TurningClip clip;
        const std::vector<std::pair<int64_t, std::string>> frames = {
            {3, "face-on"},  {3, "face-on"},     {3, "edge-on"},    {3, "sideways"},
            {3, "turning"},  {7, "face-on"},     {7, "face-on"},    {7, "edge-on"},
            {7, "sideways"}, {7, "upside-down"}, {3, "upside-down"}};
        for (const auto& [label, pose] : frames) {
            clip.frames.push_back({label, pose});
        }
        // Face-on all 4 right; edge-on 1 of 2; sideways 0 of 2; upside down 1 of 2.
        const std::vector<int64_t> top1 = {3, 3, 3, 1, 3, 7, 7, 2, 2, 7, 0};
        SeedMeasure m;
        measureTurningClip(m, clip, top1);
        QCOMPARE(m.value("watch.faceOn"), 1.0);
        QCOMPARE(m.value("watch.edgeOn"), 0.5);
        QCOMPARE(m.value("watch.sideways"), 0.0);
        QCOMPARE(m.value("watch.upsideDown"), 0.5);
        QCOMPARE(m.value("watch.frames"), 11.0);
        QVERIFY(m.complete);
        const QString text =
            said(reportLesson(LessonId::WatchTheBlocks, {m}, LessonSettings::reference()));
        QVERIFY2(text.contains("Over the clip's 11 frames, ResNet-20 named the product in 100.0% "
                               "of the frames that show it face-on, 50.0% edge-on, 0.0% lying on "
                               "its side and 50.0% upside down."),
                 qPrintable(text));
        QVERIFY(text.contains("Every turn cost it at least 50 points."));
        QVERIFY(text.contains("Xiao et al. 2017"));

        // Upside down as good as face-on: the general sentence would be false.
        const std::vector<int64_t> upsideDownRight = {3, 3, 3, 1, 3, 7, 7, 2, 2, 7, 3};
        SeedMeasure kept;
        measureTurningClip(kept, clip, upsideDownRight);
        const QString mixed =
            said(reportLesson(LessonId::WatchTheBlocks, {kept}, LessonSettings::reference()));
        QVERIFY2(mixed.contains("Not every turn cost it much: the smallest drop from face-on was "
                                "0 points."),
                 qPrintable(mixed));
        QVERIFY(!mixed.contains("Every turn cost it"));

        // A playback stopped before the clip's end: incomplete, and said so.
        SeedMeasure stopped;
        measureTurningClip(stopped, clip, {3, 3});
        QVERIFY(!stopped.complete);
        QVERIFY(stopped.stopped);
        QCOMPARE(
            said(reportLesson(LessonId::WatchTheBlocks, {stopped}, LessonSettings::reference())),
            QString("The clip did not play to its end: play the lesson again for its "
                    "numbers."));
    }

    void theRecordRoundTripsThroughItsJson() {
        const std::vector<SeedMeasure> seeds = {degradationSeed(1, 0.55, 0.57, 0.53, 1.39),
                                                degradationSeed(2, 0.50, 0.52, 0.48, 1.88)};
        LessonRecord record =
            reportLesson(LessonId::Degradation, seeds, LessonSettings::reference());
        record.seconds = 12.34;
        record.quantities.push_back(quantityOf("gap", QuantityKind::Share, {kNaN, 0.5}));
        const std::vector<LessonRecord> back = parseLessonRecords(lessonRecordsJson({record}));
        QCOMPARE(back.size(), size_t(1));
        QCOMPARE(back[0].lesson, std::string("degradation"));
        QCOMPARE(back[0].seeds, record.seeds);
        QCOMPARE(back[0].seconds, 12.3);
        QCOMPARE(back[0].quantities.size(), record.quantities.size());
        for (size_t i = 0; i + 1 < record.quantities.size(); ++i) {
            QCOMPARE(back[0].quantities[i].values, record.quantities[i].values);
            QCOMPARE(back[0].quantities[i].median, record.quantities[i].median);
        }
        QVERIFY(std::isnan(back[0].quantities.back().values[0]));  // null in the file
        QCOMPARE(back[0].quantities.back().kind, QuantityKind::Share);
        QCOMPARE(back[0].sentences.back().english(), record.sentences.back().english());
        QVERIFY_THROWS_EXCEPTION(InputError, parseLessonRecords("{\"lessons\": [{}]}"));
        QVERIFY_THROWS_EXCEPTION(InputError, parseLessonRecords("not json"));
    }

    // The estimate of seeds run side by side, by hand: at least one seed's wall time, and
    // the CPU time of them all shared over the record's cores.
    void theEstimateSharesTheCpuTimeOverTheCores() {
        LessonRecord record;
        record.seeds = {1, 2, 3};
        record.seconds = 90;                         // 30 s a seed, one after another
        QCOMPARE(record.estimatedSeconds(3), 90.0);  // no CPU time recorded: as they ran
        QCOMPARE(record.estimatedSeconds(5), 150.0);
        record.cores = 2;
        record.cpuSeconds = 90;  // one core busy (a twin training alone after a divergence)
        QCOMPARE(record.estimatedSeconds(3), 45.0);  // 3 x 30 CPU-s over 2 cores
        QCOMPARE(record.estimatedSeconds(1), 30.0);  // never less than one seed's wall time
        record.cpuSeconds = 180;                     // both cores busy throughout
        QCOMPARE(record.estimatedSeconds(3), 90.0);
        LessonRecord once;  // a lesson without seeds runs once
        once.seconds = 0.4;
        QCOMPARE(once.estimatedSeconds(3), 0.4);
        const LessonRecord back = parseLessonRecords(lessonRecordsJson({record})).front();
        QCOMPARE(back.cpuSeconds, 180.0);
        QCOMPARE(back.cores, 2);
    }
};

QTEST_APPLESS_MAIN(LessonReportTest)
#include "tst_lesson_report.moc"
