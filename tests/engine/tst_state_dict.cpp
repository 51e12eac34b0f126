// The ImageNet family's state_dict keys and shapes equal torchvision's. The reference is
// generated at test time by Debian's python3-torchvision (fixtures/torchvision_state_dict.py).

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest/QtTest>
#include <map>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "model/network/ResNet.h"
#endif

using namespace reslens;

namespace {

using KeyShapes = std::map<std::string, std::vector<int64_t>>;

KeyShapes nativeKeyShapes(const ResNetImpl& network) {
    KeyShapes result;
    for (const auto& item : network.named_parameters()) {
        result[item.key()] = item.value().sizes().vec();
    }
    for (const auto& item : network.named_buffers()) {
        result[item.key()] = item.value().sizes().vec();
    }
    return result;
}

}  // namespace

class StateDictTest : public QObject {
    Q_OBJECT

private:
    QJsonObject reference_;

private Q_SLOTS:
    void initTestCase() {
        QProcess python;
        python.start(RESLENS_PYTHON,
                     {QStringLiteral(RESLENS_FIXTURES "/torchvision_state_dict.py"), "resnet18",
                      "resnet34", "resnet50", "resnet101", "resnet152"});
        QVERIFY2(python.waitForFinished(300000), "python3-torchvision did not finish");
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        reference_ = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        QCOMPARE(reference_.size(), 5);
    }

    void keysAndShapesMatchTorchvision_data() {
        QTest::addColumn<QString>("arch");
        for (const char* arch : {"resnet18", "resnet34", "resnet50", "resnet101", "resnet152"}) {
            QTest::newRow(arch) << arch;
        }
    }

    void keysAndShapesMatchTorchvision() {
        QFETCH(QString, arch);
        KeyShapes expected;
        for (const auto& entry : reference_.value(arch).toArray()) {
            const QJsonArray pair = entry.toArray();
            std::vector<int64_t> shape;
            for (const auto& d : pair.at(1).toArray()) {
                shape.push_back(d.toInteger());
            }
            expected[pair.at(0).toString().toStdString()] = shape;
        }
        QVERIFY(expected.size() > 100);

        ResNet network(ResNetConfig::fromArchName(arch.toStdString()));
        const KeyShapes actual = nativeKeyShapes(*network);
        for (const auto& [key, shape] : expected) {
            auto it = actual.find(key);
            QVERIFY2(it != actual.end(), ("missing key " + key).c_str());
            QVERIFY2(it->second == shape, ("shape differs for " + key).c_str());
        }
        for (const auto& entry : actual) {
            QVERIFY2(expected.count(entry.first), ("extra key " + entry.first).c_str());
        }
        QCOMPARE(actual.size(), expected.size());
    }
};

QTEST_GUILESS_MAIN(StateDictTest)
#include "tst_state_dict.moc"
