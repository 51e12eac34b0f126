// reslens-cli as scripts see it: the JSON contract of `inspect` and the error contract
// (one line on stderr, exit code 2 for bad usage or input).

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest/QtTest>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN

#include "CliRunner.h"
#endif

using Run = CliRun;

class CliTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inspectJsonFollowsTheContract() {
        const Run run = runCli({"inspect", "--arch", "resnet50", "--json"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        QJsonParseError error;
        const QJsonObject doc = QJsonDocument::fromJson(run.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.value("arch").toString(), QString("resnet50"));
        QCOMPARE(doc.value("total_params").toInteger(), qint64(25557032));
        QCOMPARE(doc.value("macs").toInteger(), qint64(4089184256));
        QCOMPARE(doc.value("input").toArray(), QJsonArray({3, 224, 224}));
        const QJsonArray blocks = doc.value("blocks").toArray();
        QCOMPARE(blocks.size(), 16);
        const QJsonObject first = blocks.at(0).toObject();
        QCOMPARE(first.value("name").toString(), QString("layer1.0"));
        QCOMPARE(first.value("stage").toString(), QString("conv2_x"));
        QCOMPARE(first.value("kind").toString(), QString("bottleneck"));
        QCOMPARE(first.value("in_channels").toInt(), 64);
        QCOMPARE(first.value("out_channels").toInt(), 256);
        QCOMPARE(first.value("stride").toInt(), 1);
        QCOMPARE(first.value("shortcut").toString(), QString("projection"));
        QCOMPARE(first.value("output_shape").toArray(), QJsonArray({256, 56, 56}));
        const QJsonObject second = blocks.at(1).toObject();
        QCOMPARE(second.value("conv_params").toInteger(), qint64(69632));
        QCOMPARE(second.value("basic_equivalent_params").toInteger(), qint64(1179648));
        QCOMPARE(second.value("shortcut").toString(), QString("identity"));
        for (const char* key : {"params", "conv_params", "bn_params", "shortcut_params", "macs"}) {
            QVERIFY2(first.contains(key), key);
        }
        QCOMPARE(blocks.at(4).toObject().value("stage").toString(), QString("conv3_x"));
        QCOMPARE(blocks.at(3).toObject().value("stride").toInt(), 2);
    }

    void inspectOptionsReachTheEngine() {
        const Run run = runCli({"inspect", "--arch", "plain20", "--in-channels", "1", "--classes",
                                "7", "--input", "28x28", "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(doc.value("arch").toString(), QString("plain20"));
        QCOMPARE(doc.value("input").toArray(), QJsonArray({1, 28, 28}));
        const QJsonArray blocks = doc.value("blocks").toArray();
        QCOMPARE(blocks.size(), 9);
        for (const auto& b : blocks) {
            QCOMPARE(b.toObject().value("shortcut").toString(), QString("none"));
            QVERIFY(b.toObject().value("basic_equivalent_params").isNull());
        }
        QCOMPARE(blocks.last().toObject().value("output_shape").toArray(), QJsonArray({64, 7, 7}));

        const Run b = runCli({"inspect", "--arch", "resnet20", "--shortcut", "B", "--json"});
        QCOMPARE(b.exitCode, 0);
        const QJsonArray bBlocks =
            QJsonDocument::fromJson(b.out).object().value("blocks").toArray();
        QCOMPARE(bBlocks.at(3).toObject().value("shortcut").toString(), QString("projection"));
        const Run a = runCli({"inspect", "--arch", "resnet20", "--json"});
        const QJsonArray aBlocks =
            QJsonDocument::fromJson(a.out).object().value("blocks").toArray();
        QCOMPARE(aBlocks.at(3).toObject().value("shortcut").toString(), QString("zero-pad"));
    }

    void humanReadableTableByDefault() {
        const Run run = runCli({"inspect", "--arch", "resnet18"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("11,689,512"));
        QVERIFY(run.out.contains("layer4.1"));
        QVERIFY(!run.out.trimmed().startsWith('{'));
    }

    void badInputGivesOneLineAndExitCode2_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown arch") << QStringList{"inspect", "--arch", "vgg16"} << "vgg16";
        QTest::newRow("not 6n+2") << QStringList{"inspect", "--arch", "resnet21"} << "6n+2";
        QTest::newRow("input 0x0")
            << QStringList{"inspect", "--arch", "resnet20", "--input", "0x0"} << "input size";
        QTest::newRow("input garbage")
            << QStringList{"inspect", "--arch", "resnet20", "--input", "big"} << "--input";
        QTest::newRow("classes 0")
            << QStringList{"inspect", "--arch", "resnet20", "--classes", "0"} << "classes";
        QTest::newRow("negative channels")
            << QStringList{"inspect", "--arch", "resnet20", "--in-channels", "-3"} << "channels";
        QTest::newRow("shortcut C")
            << QStringList{"inspect", "--arch", "resnet20", "--shortcut", "C"} << "shortcut";
        QTest::newRow("missing arch") << QStringList{"inspect"} << "--arch";
        QTest::newRow("unknown subcommand") << QStringList{"frobnicate"} << "frobnicate";
        QTest::newRow("no subcommand") << QStringList{} << "subcommand";
        QTest::newRow("unknown flag")
            << QStringList{"inspect", "--arch", "resnet20", "--wat"} << "--wat";
    }

    void badInputGivesOneLineAndExitCode2() {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Run run = runCli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.startsWith("reslens-cli: error: "), qPrintable(err));
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.contains(mentions, Qt::CaseInsensitive), qPrintable(err));
    }

    void helpExitsZero() {
        const Run run = runCli({"inspect", "--help"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("--arch"));
        QVERIFY(run.out.contains("--no-skip"));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
