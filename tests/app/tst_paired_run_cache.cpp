// The lessons' paired runs trained once per process (PairedRunCache): a lesson that shares a
// run with another (why skips and degradation both train resnet56 beside plain56) reads the
// numbers of the first, identical to the last digit; another seed or recipe trains; a stopped
// run is never kept; the cache keeps its newest entries.

#include <QtTest/QtTest>

#include "app/core/lessons/LessonExperiment.h"
#include "app/core/lessons/PairedRunCache.h"
#include "app/core/models/DirectoryResources.h"

using namespace reslens;

namespace {

struct Heard {
    QStringList messages;
    LessonProgress progress() {
        return [this](const std::string& what, double) {
            messages << QString::fromStdString(what);
            return true;
        };
    }
    bool trained() const { return !messages.filter(", step ").isEmpty(); }
    bool reused() const { return !messages.filter("trained before").isEmpty(); }
};

LessonSettings tiny() {
    LessonSettings s;
    s.steps = 3;
    s.degradationSteps = 3;
    s.setBatch(4);
    return s;
}

PairedRunResult result(const std::string& run, double loss) {
    return {run, {loss}, {1.0}, RunStatus::Finished};
}

}  // namespace

class PairedRunCacheTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { PairedRunCache::shared().clear(); }

    void keepsTheNewestEntries() {
        PairedRunCache cache(2);
        cache.keep("a", {result("resnet20", 1)});
        cache.keep("b", {result("resnet20", 2)});
        cache.keep("a", {result("resnet20", 3)});  // replaced, and now the newest
        cache.keep("c", {result("resnet20", 4)});  // "b" goes
        QCOMPARE(cache.size(), size_t(2));
        QVERIFY(!cache.find("b"));
        QCOMPARE(cache.find("a")->front().losses.front(), 3.0);
        QCOMPARE(cache.find("c")->front().losses.front(), 4.0);
    }

    void twoLessonsSharingARunTrainItOnce() {
        const DirectoryResources resources(RESLENS_SOURCE_RESOURCES);
        Heard degradationHeard, whyHeard, otherSeedHeard;
        const SeedMeasure degradation = measureSeed(LessonId::Degradation, 1, tiny(), resources,
                                                    "cpu", degradationHeard.progress());
        QVERIFY(degradation.complete);
        QVERIFY(degradationHeard.trained());
        QCOMPARE(PairedRunCache::shared().size(), size_t(2));  // the 20- and 56-layer pairs

        const SeedMeasure why =
            measureSeed(LessonId::WhySkips, 1, tiny(), resources, "cpu", whyHeard.progress());
        QVERIFY(why.complete);
        QVERIFY2(whyHeard.reused() && !whyHeard.trained(), qPrintable(whyHeard.messages.join('|')));
        for (const char* name : {"resnet56.lastLoss", "plain56.lastLoss"}) {
            QCOMPARE(why.values.at(name), degradation.values.at(name));
        }

        // Another seed is another run.
        const SeedMeasure other =
            measureSeed(LessonId::WhySkips, 2, tiny(), resources, "cpu", otherSeedHeard.progress());
        QVERIFY(otherSeedHeard.trained());
        QVERIFY(other.values.at("resnet56.lastLoss") != why.values.at("resnet56.lastLoss"));
        QCOMPARE(PairedRunCache::shared().size(), size_t(3));
    }

    void aStoppedRunIsNotKept() {
        const DirectoryResources resources(RESLENS_SOURCE_RESOURCES);
        const SeedMeasure stopped = measureSeed(LessonId::WhySkips, 1, tiny(), resources, "cpu",
                                                [](const std::string&, double) { return false; });
        QVERIFY(stopped.stopped);
        QCOMPARE(PairedRunCache::shared().size(), size_t(0));
        Heard heard;
        const SeedMeasure again =
            measureSeed(LessonId::WhySkips, 1, tiny(), resources, "cpu", heard.progress());
        QVERIFY(again.complete && heard.trained());
    }
};

QTEST_GUILESS_MAIN(PairedRunCacheTest)
#include "tst_paired_run_cache.moc"
