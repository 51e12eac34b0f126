// The one study runner (widgets/studies/StudyRunner.h) on its own: results come back on the
// GUI thread in the order the studies were queued; an exception is one failed() line; a
// cancel stops the study in progress at its next progress report, also one that came before
// the study began; quiet jobs do not count as running; destroying the runner mid-study
// cancels it and waits, and nothing is delivered to what is gone.

#include <QSignalSpy>
#include <QThread>
#include <QtTest/QtTest>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <thread>

#include "widgets/studies/StudyRunner.h"

using namespace reslens;

namespace {

constexpr int kWaitMs = 20000;

// A job that reports progress until it is cancelled or reaches `steps`; returns the steps it
// reported (each report after the first waits a millisecond, so a cancel lands mid-way).
std::function<int(StudyContext&)> countingJob(int steps, std::atomic<int>* reached = nullptr) {
    return [steps, reached](StudyContext& context) {
        int done = 0;
        while (done < steps && context.progress(done, steps, QStringLiteral("counting"))) {
            ++done;
            if (reached) {
                *reached = done;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return done;
    };
}

}  // namespace

class StudyRunnerTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resultsComeBackOnTheGuiThreadInOrder() {
        StudyRunner runner(QStringLiteral("test"));
        QSignalSpy finished(&runner, &StudyRunner::finished);
        QVector<int> results;
        QVector<bool> onGuiThread;
        QVector<bool> runningWhenDone;
        QThread* gui = QThread::currentThread();
        std::atomic<bool> ranElsewhere{true};
        for (int i = 0; i < 3; ++i) {
            runner.run<int>(
                [i, gui, &ranElsewhere](StudyContext&) {
                    ranElsewhere = ranElsewhere && QThread::currentThread() != gui;
                    return i * 10;
                },
                [&, gui](const int& result) {
                    results << result;
                    onGuiThread << (QThread::currentThread() == gui);
                    runningWhenDone << runner.running();
                });
        }
        QVERIFY(runner.running());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, kWaitMs);
        QCOMPARE(results, QVector<int>({0, 10, 20}));
        QCOMPARE(onGuiThread, QVector<bool>({true, true, true}));
        QVERIFY(ranElsewhere);
        // Each result arrives once its study no longer counts: the last one sees none left.
        QCOMPARE(runningWhenDone, QVector<bool>({true, true, false}));
        QVERIFY(!runner.running());
    }

    void anExceptionIsOneFailedLine() {
        StudyRunner runner(QStringLiteral("test"));
        QSignalSpy failed(&runner, &StudyRunner::failed);
        QSignalSpy finished(&runner, &StudyRunner::finished);
        bool delivered = false;
        runner.run<int>([](StudyContext&) -> int { throw std::runtime_error("no data here"); },
                        [&](const int&) { delivered = true; });
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().toString(), QString("no data here"));
        QVERIFY(!delivered);
        QVERIFY(!runner.running());
    }

    void progressIsReportedWithTheSecondsSpent() {
        StudyRunner runner(QStringLiteral("test"));
        QSignalSpy progressed(&runner, &StudyRunner::progressed);
        QSignalSpy finished(&runner, &StudyRunner::finished);
        runner.run<int>(countingJob(20), [](const int&) {});
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(progressed.size(), 20);
        QCOMPARE(progressed.first().at(0).toInt(), 0);
        QCOMPARE(progressed.last().at(0).toInt(), 19);
        QCOMPARE(progressed.last().at(1).toInt(), 20);
        QCOMPARE(progressed.last().at(2).toString(), QString("counting"));
        // 19 pauses of a millisecond at least lie between the first report and the last.
        QVERIFY(progressed.last().at(3).toDouble() >= progressed.first().at(3).toDouble() + 0.019);
    }

    void cancelStopsTheStudyInProgress() {
        StudyRunner runner(QStringLiteral("test"));
        QSignalSpy finished(&runner, &StudyRunner::finished);
        std::atomic<int> reached{0};
        int result = -1;
        runner.run<int>(countingJob(1000000, &reached), [&](const int& done) { result = done; });
        QTRY_VERIFY_WITH_TIMEOUT(reached.load() > 5, kWaitMs);
        runner.cancel();
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(result >= 5 && result < 1000000);
        // The next study starts uncancelled.
        runner.run<int>(countingJob(30), [&](const int& done) { result = done; });
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(result, 30);
    }

    void aCancelBeforeTheStudyBeginsStillCounts() {
        StudyRunner runner(QStringLiteral("test"));
        QSignalSpy finished(&runner, &StudyRunner::finished);
        std::atomic<bool> release{false};
        // The thread busy with a first study; the second is queued, then cancelled.
        runner.run<int>(
            [&release](StudyContext&) {
                while (!release) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                }
                return 0;
            },
            [](const int&) {});
        int second = -1;
        runner.run<int>(countingJob(1000), [&](const int& done) { second = done; });
        runner.cancel();
        release = true;
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
        QCOMPARE(second, 0);  // its first report already said stop
    }

    void quietJobsDoNotCountAndFailSilently() {
        StudyRunner runner(QStringLiteral("test"));
        QSignalSpy failed(&runner, &StudyRunner::failed);
        QSignalSpy finished(&runner, &StudyRunner::finished);
        double calibrated = 0;
        runner.runQuietly<double>([](StudyContext&) { return 0.25; },
                                  [&](const double& seconds) { calibrated = seconds; });
        QVERIFY(!runner.running());
        runner.runQuietly<double>([](StudyContext&) -> double { throw std::runtime_error("x"); },
                                  [&](const double&) { calibrated = -1; });
        QTRY_COMPARE_WITH_TIMEOUT(calibrated, 0.25, kWaitMs);
        QTest::qWait(50);
        QCOMPARE(calibrated, 0.25);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(finished.size(), 0);
    }

    void destroyingTheRunnerCancelsAndWaits() {
        auto runner = std::make_unique<StudyRunner>(QStringLiteral("test"));
        auto reached = std::make_shared<std::atomic<int>>(0);
        auto ended = std::make_shared<std::atomic<bool>>(false);
        bool delivered = false;
        runner->run<int>(
            [reached, ended](StudyContext& context) {
                int done = 0;
                while (context.progress(done, 1000000)) {
                    *reached = ++done;
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                }
                *ended = true;
                return done;
            },
            [&](const int&) { delivered = true; });
        int second = 0;
        runner->run<int>([](StudyContext&) { return 1; }, [&](const int& v) { second = v; });
        QTRY_VERIFY_WITH_TIMEOUT(reached->load() > 3, kWaitMs);
        runner.reset();  // returns only once the study has stopped
        QVERIFY(ended->load());
        QTest::qWait(50);  // anything still queued to the GUI thread would arrive now
        QVERIFY(!delivered);
        QCOMPARE(second, 0);
    }
};

QTEST_MAIN(StudyRunnerTest)
#include "tst_study_runner.moc"
