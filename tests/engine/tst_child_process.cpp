// The wall around untrusted files: runChild's limits and capture, checked with /bin/sh
// children whose behaviour is known (an exit status, a signal, a loop, a flood of output),
// and the TorchScript loader's reuse of an unchanged file.

#include <fcntl.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <thread>

#include "model/checkpoint/TorchScriptLoader.h"
#include "model/runtime/ChildProcess.h"
#include "model/runtime/InputError.h"
#include "model/runtime/SanitizedBuild.h"

using namespace reslens;

namespace {

ChildOutcome shell(const std::string& script, ChildLimits limits = {}) {
    return runChild("/bin/sh", {"-c", script}, limits);
}

}  // namespace

class ChildProcessTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void anExitStatusAndTheOutputComeBack() {
        const ChildOutcome outcome = shell("echo out; echo err >&2; exit 3");
        QVERIFY(outcome.started && outcome.exited);
        QCOMPARE(outcome.exitCode, 3);
        QCOMPARE(QByteArray::fromStdString(outcome.output), QByteArray("out\nerr\n"));
    }

    void aSignalIsNamed() {
        const ChildOutcome outcome = shell("kill -SEGV $$");
        QVERIFY(!outcome.exited);
        QCOMPARE(outcome.signal, SIGSEGV);
        QVERIFY2(describeEnd(outcome, {}).rfind("signal 11", 0) == 0,
                 describeEnd(outcome, {}).c_str());
    }

    void aChildThatNeverEndsIsKilledAtTheDeadline() {
        ChildLimits limits;
        limits.wallSeconds = 0.5;
        QElapsedTimer clock;
        clock.start();
        // Its own child too: the whole process group goes.
        const ChildOutcome outcome = shell("sleep 30 & sleep 30", limits);
        QVERIFY(outcome.timedOut && !outcome.exited);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(describeEnd(outcome, limits), std::string("the time limit of 1 s"));
    }

    void aCancelKillsTheChildAtOnce() {
        std::atomic<bool> cancel{false};
        ChildLimits limits;
        limits.cancel = &cancel;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancel = true;
        });
        QElapsedTimer clock;
        clock.start();
        const ChildOutcome outcome = shell("sleep 30", limits);
        canceller.join();
        QVERIFY(outcome.cancelled && !outcome.exited);
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    }

    void theCpuLimitStopsABusyLoop() {
        ChildLimits limits;
        limits.cpuSeconds = 1;
        limits.wallSeconds = 20;
        const ChildOutcome outcome = shell("while :; do :; done", limits);
        QVERIFY(!outcome.timedOut);
        QVERIFY2(outcome.signal == SIGXCPU || outcome.signal == SIGKILL,
                 qPrintable(QString::number(outcome.signal)));
    }

    void theAddressSpaceLimitHolds() {
#ifdef RESLENS_SANITIZED
        QSKIP("the sanitizers reserve terabytes of address space: no address-space limit");
#endif
        ChildLimits limits;
        limits.addressSpaceBytes = 512.0 * (1 << 20);
        // 1 GB asked for under a 512 MB limit: Python's MemoryError, exit status 1.
        const ChildOutcome outcome =
            runChild("/usr/bin/python3", {"-c", "bytearray(1 << 30)"}, limits);
        QVERIFY(outcome.exited);
        QCOMPARE(outcome.exitCode, 1);
        QVERIFY2(outcome.output.find("MemoryError") != std::string::npos, outcome.output.c_str());
    }

    // Output past 64 KB is dropped, and the child is not left blocked on a full pipe.
    void aFloodOfOutputIsCappedAndTheChildEnds() {
        const ChildOutcome outcome = shell("head -c 1000000 /dev/zero; exit 0");
        QVERIFY(outcome.exited);
        QCOMPARE(outcome.exitCode, 0);
        QCOMPARE(outcome.output.size(), size_t(64 * 1024));
    }

    // Standard input is /dev/null, and no descriptor of this process is inherited.
    void theChildGetsNoInputAndNoDescriptors() {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/open").toStdString();
        const int fd = ::open(path.c_str(), O_CREAT | O_RDWR, 0600);  // inheritable
        QVERIFY(fd >= 3);
        const ChildOutcome outcome = shell("cat; ls /proc/$$/fd | tr '\\n' ' '");
        ::close(fd);
        QVERIFY(outcome.exited);
        QCOMPARE(QString::fromStdString(outcome.output).trimmed(), QString("0 1 2"));
    }

    void aMissingProgramIsNotStarted() {
        const ChildOutcome outcome = runChild("/nonexistent/program", {}, {});
        QVERIFY(!outcome.started);
    }

    // The loader is not started again for an unchanged file; a changed one is loaded anew.
    void anUnchangedTorchScriptFileIsLoadedOnce() {
        QTemporaryDir dir;
        const QString path = dir.filePath("tiny.pt");
        QVERIFY(QFile::copy(RESLENS_FIXTURES "/../fuzz/corpus/torchscript_import/tiny-script.pt",
                            path));
        const std::string file = path.toStdString();
        const TorchScriptWeights first = loadTorchScriptIsolated(file, "'tiny.pt'");
        QVERIFY(!first.weights->entries.empty());
        qputenv("RESLENS_LOADER", QByteArray("/nonexistent/reslens-loader"));
        const TorchScriptWeights again = loadTorchScriptIsolated(file, "'tiny.pt'");
        QCOMPARE(again.weights->entries.size(), first.weights->entries.size());
        // Changed on disk (the same bytes, written again): it must be loaded, and cannot be.
        QFile copy(path);
        QVERIFY(copy.open(QIODevice::ReadWrite));
        const QByteArray bytes = copy.readAll();
        QTest::qWait(20);
        copy.seek(0);
        copy.write(bytes);
        copy.close();
        QVERIFY_THROWS_EXCEPTION(InputError, loadTorchScriptIsolated(file, "'tiny.pt'"));
        qunsetenv("RESLENS_LOADER");
    }
};

QTEST_GUILESS_MAIN(ChildProcessTest)
#include "tst_child_process.moc"
