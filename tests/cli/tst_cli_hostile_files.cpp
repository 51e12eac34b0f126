// Files that were made to break a reader, through reslens-cli as a user would run it:
// every input a fuzzer ever crashed on (tests/fuzz/regressions/), and TorchScript files whose
// own code loops forever, fills memory or prints. Each must end in exit status 2 and one
// line -- never a signal, a hang or a half-written output file -- and a TorchScript file's
// code must run in reslens-loader, not in reslens-cli.

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include "CliRunner.h"
#include "PythonFixture.h"
#include "model/runtime/SanitizedBuild.h"

class CliHostileFilesTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString fixture(const QString& mode) {
        const QString path = dir_.filePath("setstate-" + mode + ".pt");
        if (!QFile::exists(path)) {
            const QString failure = runPythonFixture("torchscript_setstate.py", {path, mode});
            if (!failure.isEmpty()) {
                qWarning("%s", qPrintable(failure));
            }
        }
        return path;
    }

private Q_SLOTS:
    // Every fuzzer finding, of every target (images, datasets, JSON, model files,
    // checkpoints, TorchScript), given to import and to inspect --model.
    void everyFuzzerFindingIsOneLineAndWritesNothing() {
        QDirIterator files(RESLENS_FIXTURES "/../fuzz/regressions", QDir::Files,
                           QDirIterator::Subdirectories);
        int checked = 0;
        while (files.hasNext()) {
            const QString input = files.next();
            const QString out = dir_.filePath("imported.pt");
            const CliRun import = runCli({"import", input, "--out", out});
            QVERIFY2(import.isOneLineUsageError(),
                     qPrintable(input + ": exit " + QString::number(import.exitCode) + ", " +
                                import.err));
            QVERIFY2(!QFile::exists(out), qPrintable(input));
            const CliRun inspect = runCli({"inspect", "--model", input});
            QVERIFY2(inspect.isOneLineUsageError(),
                     qPrintable(input + ": exit " + QString::number(inspect.exitCode) + ", " +
                                inspect.err));
            ++checked;
        }
        QVERIFY2(checked >= 30, qPrintable(QString::number(checked)));
    }

    // The two inputs that crashed LibTorch's TorchScript compiler crash reslens-loader, and
    // reslens-cli says so.
    void aCrashInTheLoaderIsSaidInOneLine() {
        for (const char* name : {"crash-8f887727fa3441743ce1f5b68882595c3d74c842",
                                 "crash-9efba5bdf1ca7bc2cddc68c479135709bda66969"}) {
            const CliRun run =
                runCli({"import",
                        RESLENS_FIXTURES "/../fuzz/regressions/torchscript_import/" + QString(name),
                        "--out", dir_.filePath("never.pt")});
            QVERIFY2(run.isOneLineUsageError(), run.err.constData());
            QVERIFY2(run.err.contains("made LibTorch's TorchScript loader crash (signal 11") &&
                         run.err.contains("nothing was loaded"),
                     run.err.constData());
        }
    }

    void aTorchScriptThatNeverEndsIsStoppedAtTheTimeLimit() {
        const QString script = fixture("loop");
        QElapsedTimer clock;
        clock.start();
        const CliRun run =
            runCli({"import", script, "--load-timeout", "3", "--out", dir_.filePath("never.pt")});
        QVERIFY2(run.isOneLineUsageError(), run.err.constData());
        QVERIFY2(run.err.contains("past the time limit of 3 s"), run.err.constData());
        // LibTorch's start-up in both processes, and the 3 s; not the 60 s default.
        QVERIFY2(clock.elapsed() < 40000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!QFile::exists(dir_.filePath("never.pt")));
    }

    void aTorchScriptThatFillsMemoryIsStoppedAtTheMemoryLimit() {
#ifdef RESLENS_SANITIZED
        QSKIP("the sanitizers reserve terabytes of address space: no address-space limit");
#endif
        const CliRun run =
            runCli({"import", fixture("memory"), "--out", dir_.filePath("never.pt")});
        QVERIFY2(run.isOneLineUsageError(), run.err.constData());
        QVERIFY2(run.err.contains("needed more memory than the TorchScript loader's limit"),
                 run.err.constData());
    }

    // The file's print reaches the user marked as the file's, on stderr (stdout may be
    // JSON), and the import goes on.
    void whatTheFilesCodePrintsIsShownAsTheFiles() {
        const QString out = dir_.filePath("printed.pt");
        const CliRun run = runCli({"import", fixture("print"), "--json", "--out", out});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("printed this while it was loaded (in reslens-loader):\n"
                                  "  | RESLENS-SETSTATE-RAN"),
                 run.err.constData());
        QVERIFY(!run.out.contains("RESLENS-SETSTATE-RAN"));
        QVERIFY(QFile::exists(out));
    }

    void aMissingLoaderIsSaidInOneLine() {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("RESLENS_LOADER", dir_.filePath("no-such-loader"));
        const CliRun run =
            runCli({"import", fixture("print"), "--out", dir_.filePath("never.pt")}, environment);
        QVERIFY2(run.isOneLineUsageError(), run.err.constData());
        QVERIFY2(run.err.contains("could not be run") && run.err.contains("was not loaded"),
                 run.err.constData());
    }
};

QTEST_GUILESS_MAIN(CliHostileFilesTest)
#include "tst_cli_hostile_files.moc"
