// Parameter and multiply-add counts against published references: torchvision's model
// documentation (params, GFLOPS) and He et al. 2015, Table 6 (CIFAR ResNets).

#include <QtTest/QtTest>
#include <cmath>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN

#include "model/network/ArchitectureSummary.h"
#endif

using namespace reslens;

class ParameterCountsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void imageNetFamily_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<qint64>("params");
        QTest::addColumn<double>("gmacs");
        // torchvision.models documentation: num_params and GFLOPS (multiply-adds) at 224.
        QTest::newRow("resnet18") << "resnet18" << qint64(11689512) << 1.814;
        QTest::newRow("resnet34") << "resnet34" << qint64(21797672) << 3.664;
        QTest::newRow("resnet50") << "resnet50" << qint64(25557032) << 4.089;
        QTest::newRow("resnet101") << "resnet101" << qint64(44549160) << 7.801;
        QTest::newRow("resnet152") << "resnet152" << qint64(60192808) << 11.514;
    }

    void imageNetFamily() {
        QFETCH(QString, arch);
        QFETCH(qint64, params);
        QFETCH(double, gmacs);
        const ArchitectureSummary summary =
            summarize(ResNetConfig::fromArchName(arch.toStdString()));
        QCOMPARE(summary.totalParams, params);
        // Published to three decimals.
        QCOMPARE(std::round(summary.macs / 1e6) / 1e3, gmacs);
    }

    void cifarFamily_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<double>("millions");
        QTest::addColumn<int>("decimals");
        // He et al. 2015, Table 6: 0.27M 0.46M 0.66M 0.85M 1.7M.
        QTest::newRow("resnet20") << "resnet20" << 0.27 << 2;
        QTest::newRow("resnet32") << "resnet32" << 0.46 << 2;
        QTest::newRow("resnet44") << "resnet44" << 0.66 << 2;
        QTest::newRow("resnet56") << "resnet56" << 0.85 << 2;
        QTest::newRow("resnet110") << "resnet110" << 1.7 << 1;
    }

    void cifarFamily() {
        QFETCH(QString, arch);
        QFETCH(double, millions);
        QFETCH(int, decimals);
        const ResNetConfig config = ResNetConfig::fromArchName(arch.toStdString());
        QVERIFY(config.shortcut == ShortcutOption::A);
        const ArchitectureSummary summary = summarize(config);
        const double scale = std::pow(10.0, decimals);
        QCOMPARE(std::round(summary.totalParams / 1e6 * scale) / scale, millions);

        // The plain twin differs only in the (parameter-free) shortcuts.
        const QString plain = QString(arch).replace("resnet", "plain");
        QCOMPARE(summarize(ResNetConfig::fromArchName(plain.toStdString())).totalParams,
                 summary.totalParams);
    }

    void resnet20IsExact() {
        // 16*3*9 (stem) + 3 stages of 3 blocks + BN + fc, derivable by hand: 269,722.
        const ResNetConfig config = ResNetConfig::fromArchName("resnet20");
        QCOMPARE(config.inChannels, 3);
        QCOMPARE(config.classes, 10);
        QCOMPARE(summarize(config).totalParams, qint64(269722));
    }

    void plainImageNetMatchesResNetWithoutProjections() {
        // A plain net has no projection shortcuts; resnet18's three projections hold
        // (64*128 + 2*128) + (128*256 + 2*256) + (256*512 + 2*512) parameters.
        const qint64 projections = (64 * 128 + 256) + (128 * 256 + 512) + (256 * 512 + 1024);
        QCOMPARE(summarize(ResNetConfig::fromArchName("plain18")).totalParams,
                 qint64(11689512) - projections);
    }

    void bottleneckAgainstBasic() {
        const ArchitectureSummary summary = summarize(ResNetConfig::fromArchName("resnet50"));
        const BlockAccount* block = nullptr;
        for (const auto& b : summary.blocks) {
            if (b.info.name == "layer1.1") {
                block = &b;
            }
        }
        QVERIFY(block);
        QVERIFY(block->info.kind == BlockKind::Bottleneck);
        // 256*64 + 3*3*64*64 + 64*256
        QCOMPARE(block->convParams, qint64(69632));
        QVERIFY(block->basicEquivalentParams.has_value());
        // 3*3*256*256*2
        QCOMPARE(*block->basicEquivalentParams, qint64(1179648));
        QCOMPARE(std::round(double(*block->basicEquivalentParams) / block->convParams * 10) / 10,
                 16.9);
        QCOMPARE(block->shortcutParams, qint64(0));
        QCOMPARE(block->bnParams, qint64(2 * (64 + 64 + 256)));
    }

    void blockSumsAddUp() {
        for (const char* arch : {"resnet50", "resnet18", "resnet56", "plain34"}) {
            const ArchitectureSummary s = summarize(ResNetConfig::fromArchName(arch));
            qint64 params = s.stem.params + s.head.params;
            qint64 macs = s.stem.macs + s.head.macs;
            for (const auto& b : s.blocks) {
                QCOMPARE(b.params, b.convParams + b.bnParams + b.shortcutParams);
                params += b.params;
                macs += b.macs;
            }
            QCOMPARE(params, s.totalParams);
            QCOMPARE(macs, s.macs);
        }
    }

    void basicBlocksHaveNoBasicEquivalent() {
        for (const auto& b : summarize(ResNetConfig::fromArchName("resnet34")).blocks) {
            QVERIFY(!b.basicEquivalentParams.has_value());
        }
    }
};

QTEST_GUILESS_MAIN(ParameterCountsTest)
#include "tst_parameter_counts.moc"
