// Replays, through the ordinary (non-fuzz) build, every input the fuzzers have crashed on
// (tests/fuzz/regressions/<target>/) and every seed (tests/fuzz/corpus/<target>/): each
// must end in nothing or an InputError, never a crash or another exception.

#include <QtTest/QtTest>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN

#include "tests/fuzz/FuzzTargets.h"
#endif

using namespace reslens::fuzz;

class FuzzRegressions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        // The seeds of every target are there: a corpus lost in a move must not make this
        // test pass by having nothing to replay.
        for (const FuzzTarget& target : fuzzTargets()) {
            const QDir seeds(seedRoot() + "/corpus/" + QString::fromStdString(target.name));
            QVERIFY2(!seeds.entryList(QDir::Files).isEmpty(), qPrintable(seeds.path()));
        }
    }

    void replays_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("file");
        for (const FuzzTarget& target : fuzzTargets()) {
            const QString name = QString::fromStdString(target.name);
            for (const QString folder : {"regressions", "corpus"}) {
                const QDir dir(seedRoot() + "/" + folder + "/" + name);
                for (const QFileInfo& file : dir.entryInfoList(QDir::Files, QDir::Name)) {
                    const QString row = name + "/" + folder + "/" + file.fileName();
                    QTest::newRow(qPrintable(row)) << name << file.filePath();
                }
            }
        }
    }

    void replays() {
        QFETCH(QString, target);
        QFETCH(QString, file);
        QFile input(file);
        QVERIFY(input.open(QIODevice::ReadOnly));
        const QByteArray bytes = input.readAll();
        const FuzzTarget* entry = findFuzzTarget(target.toStdString());
        QVERIFY(entry != nullptr);
        entry->run(reinterpret_cast<const uint8_t*>(bytes.constData()),
                   static_cast<size_t>(bytes.size()));
    }

private:
    static QString seedRoot() { return QStringLiteral(RESLENS_FUZZ_DIR); }
};

QTEST_APPLESS_MAIN(FuzzRegressions)
#include "tst_fuzz_regressions.moc"
