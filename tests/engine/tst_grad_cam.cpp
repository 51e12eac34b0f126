// Grad-CAM (Selvaraju et al. 2017, issue 17): the engine's map against a plain PyTorch
// computation on torchvision ResNets with random weights and BN statistics
// (fixtures/torchvision_gradcam.py), with and without probes attached; no parameter's .grad
// set afterwards and the weights bit-identical; the overlay's arithmetic; and
// reslens-cli cam's contract.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest/QtTest>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "CliRunner.h"
#include "PythonFixture.h"
#include "imaging/CamOverlay.h"
#include "imaging/FeatureGrid.h"
#include "imaging/ImageDecoder.h"
#include "model/files/TorchvisionImport.h"
#include "model/network/ResNet.h"
#include "model/runtime/InputError.h"
#include "model/tracing/BlockStatisticsProbe.h"
#include "model/tracing/FeatureCaptureProbe.h"
#include "model/tracing/GradCam.h"
#endif

using namespace reslens;

namespace {

const char* const kSample = RESLENS_SOURCE_RESOURCES "/samples/fashion-mnist/1-trouser-0002.png";

// Largest difference, as a fraction of the reference map's maximum.
double relativeError(const torch::Tensor& ours, const torch::Tensor& reference) {
    return (ours - reference).abs().max().item<double>() /
           std::max(reference.max().item<double>(), 1e-12);
}

}  // namespace

class GradCamTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    c10::impl::GenericDict reference_{c10::StringType::get(), c10::AnyType::get()};
    std::shared_ptr<ResNetImpl> resnet18_;
    std::shared_ptr<ResNetImpl> resnet50_;

    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }
    ResNetImpl& network(const QString& arch) {
        return arch == "resnet18" ? *resnet18_ : *resnet50_;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const QString failure = runPythonFixture("torchvision_gradcam.py", {dir_.path()});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        reference_ = loadPickledDict(path("reference.pt"));
        resnet18_ = importTorchvision(path("resnet18.pth"), std::nullopt).network.ptr();
        resnet50_ = importTorchvision(path("resnet50.pth"), std::nullopt).network.ptr();
        resnet18_->eval();
        resnet50_->eval();
    }

    void matchesPyTorch_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("classChoice");
        for (const char* target : {"stem", "layer1.1", "layer3.0", "layer4.1"}) {
            for (const char* choice : {"top", "3"}) {
                QTest::addRow("resnet18 %s class %s", target, choice)
                    << "resnet18" << target << choice;
            }
        }
        for (const char* target : {"layer2.3", "layer4.2"}) {
            QTest::addRow("resnet50 (bottleneck) %s top", target) << "resnet50" << target << "top";
        }
    }

    void matchesPyTorch() {
        QFETCH(QString, arch);
        QFETCH(QString, target);
        QFETCH(QString, classChoice);
        const torch::Tensor x = tensorAt(reference_, "x");
        const torch::Tensor expected =
            tensorAt(reference_, (arch + "/" + target + "/" + classChoice).toStdString());
        const int64_t classIndex = classChoice == "top" ? -1 : classChoice.toLongLong();
        const GradCam cam = computeGradCam(network(arch), x, target.toStdString(), classIndex);
        QCOMPARE(cam.cam.sizes(), expected.sizes());
        const int64_t expectedClass =
            classChoice == "top"
                ? tensorAt(reference_, (arch + "/top").toStdString()).item<int64_t>()
                : classIndex;
        QCOMPARE(cam.classIndex, expectedClass);
        QVERIFY(expected.max().item<double>() > 0);  // a map with something to compare
        const double error = relativeError(cam.cam, expected);
        QVERIFY2(error <= 1e-4, qPrintable(QString("off by %1 of the maximum").arg(error)));
    }

    // The explorer classifies with the statistics and capture probes attached: the map is
    // the same with them.
    void probesDoNotChangeTheMap() {
        ResNetImpl& net = *resnet18_;
        const torch::Tensor x = tensorAt(reference_, "x");
        FeatureCaptureProbe capture(net);
        BlockStatisticsProbe statistics(net);
        const GradCam cam = computeGradCam(net, x, "layer3.0", -1);
        QVERIFY(relativeError(cam.cam, tensorAt(reference_, "resnet18/layer3.0/top")) <= 1e-4);
    }

    void noGradientIsLeftAndTheWeightsStay() {
        ResNetImpl& net = *resnet18_;
        std::vector<torch::Tensor> before;
        for (const auto& p : net.parameters()) {
            QVERIFY(!p.grad().defined());
            before.push_back(p.detach().clone());
        }
        std::vector<torch::Tensor> buffers;
        for (const auto& b : net.buffers()) {
            buffers.push_back(b.clone());
        }
        net.train();  // put back as it was found, after running in eval mode
        computeGradCam(net, tensorAt(reference_, "x"), "layer2.0", 5);
        QVERIFY(net.is_training());
        net.eval();
        size_t i = 0;
        for (const auto& p : net.parameters()) {
            QVERIFY(!p.grad().defined());
            QVERIFY(torch::equal(p.detach(), before[i++]));
        }
        i = 0;
        for (const auto& b : net.buffers()) {  // BN statistics untouched: eval mode inside
            QVERIFY(torch::equal(b, buffers[i++]));
        }
    }

    void badTargetsAndClassesAreInputErrors() {
        const torch::Tensor x = tensorAt(reference_, "x");
        QVERIFY_THROWS_EXCEPTION(InputError, computeGradCam(*resnet18_, x, "layer9.0", -1));
        QVERIFY_THROWS_EXCEPTION(InputError, computeGradCam(*resnet18_, x, "layer1.1", 1000));
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 computeGradCam(*resnet18_, torch::cat({x, x}), "stem", -1));
    }

    // Worked by hand: a 2x2 gray view enlarged to 4x4 (scale 2); a 1x1 map is its own
    // maximum everywhere, so every pixel is half the gray plus half the colormap's top
    // colour.
    void theOverlayBlendsHalfAndHalf() {
        cv::Mat view(2, 2, CV_8UC1);
        view.at<uint8_t>(0, 0) = 0;
        view.at<uint8_t>(0, 1) = 100;
        view.at<uint8_t>(1, 0) = 200;
        view.at<uint8_t>(1, 1) = 255;
        CamOverlayOptions options;
        options.minSize = 4;
        const cv::Mat out = renderCamOverlay(view, torch::full({1, 1}, 3.0f), options);
        QCOMPARE(out.rows, 4);
        QCOMPARE(out.cols, 4);
        const torch::Tensor top = colormapTable(options.colormap)[255];
        for (int y = 0; y < 4; ++y) {
            for (int x = 0; x < 4; ++x) {
                const int gray = view.at<uint8_t>(y / 2, x / 2);
                for (int c = 0; c < 3; ++c) {
                    const int expected = int(std::lround(0.5 * gray + 0.5 * top[c].item<int>()));
                    QCOMPARE(int(out.at<cv::Vec3b>(y, x)[c]), expected);
                }
            }
        }
        // A zero map: the image at half strength under the colormap's bottom colour.
        const cv::Mat zero = renderCamOverlay(view, torch::zeros({1, 1}), options);
        const torch::Tensor bottom = colormapTable(options.colormap)[0];
        QCOMPARE(int(zero.at<cv::Vec3b>(3, 3)[0]),
                 int(std::lround(0.5 * 255 + 0.5 * bottom[0].item<int>())));
    }

    void theCliKeepsItsContract() {
        const QString png = dir_.filePath("cam.png");
        const CliRun run = runCli(
            {"cam", "--model", "default", kSample, "--block", "layer3.2", "--out", png, "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(doc["block"].toString(), QString("layer3.2"));
        const QJsonObject cls = doc["class"].toObject();
        QCOMPARE(cls["label"].toString(), QString("Trouser"));  // the top-1, as classify says
        QCOMPARE(cls["index"].toInt(), 1);
        QVERIFY(cls["probability"].toDouble() > 0.5);
        // resnet20 on 28x28: the last stage works at 7x7.
        const QJsonArray rows = doc["cam"].toArray();
        QCOMPARE(rows.size(), 7);
        QCOMPARE(rows[0].toArray().size(), 7);
        double peak = 0;
        for (const QJsonValue& row : rows) {
            for (const QJsonValue& v : row.toArray()) {
                QVERIFY(v.toDouble() >= 0);
                peak = std::max(peak, v.toDouble());
            }
        }
        QVERIFY(peak > 0);
        const DecodedImage image = decodeImageFile(png.toStdString());
        QCOMPARE(image.pixels.rows, 224);  // 28 x 8: the view enlarged to at least 224
        QCOMPARE(image.pixels.cols, 224);
        QCOMPARE(image.pixels.channels(), 3);

        const CliRun stem = runCli(
            {"cam", "--model", "default", kSample, "--block", "stem", "--class", "7", "--json"});
        QCOMPARE(stem.exitCode, 0);
        const QJsonObject stemDoc = QJsonDocument::fromJson(stem.out).object();
        QCOMPARE(stemDoc["class"].toObject()["index"].toInt(), 7);
        QCOMPARE(stemDoc["class"].toObject()["label"].toString(), QString("Sneaker"));
        QCOMPARE(stemDoc["cam"].toArray().size(), 28);
    }

    // docs/user-guide.md's Grad-CAM picture: for the gallery photo of a sneaker (toe to the
    // left) the evidence at layer3.2 lies at the front of the shoe — the left three columns
    // of the 7x7 map weigh more than twice the right two — and hardly at the heel.
    void theGuidesSneakerIsExplainedByItsFront() {
        const CliRun run = runCli({"cam", "--model", "default",
                                   RESLENS_SOURCE_RESOURCES "/samples/photos/7-sneaker-0788.jpg",
                                   "--block", "layer3.2", "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(doc["class"].toObject()["label"].toString(), QString("Sneaker"));
        double front = 0, heel = 0;
        for (const QJsonValue& row : doc["cam"].toArray()) {
            const QJsonArray values = row.toArray();
            QCOMPARE(values.size(), 7);
            for (int x = 0; x < 3; ++x) {
                front += values[x].toDouble() / 3;
            }
            for (int x = 5; x < 7; ++x) {
                heel += values[x].toDouble() / 2;
            }
        }
        qInfo("mean of the left three columns / the right two: %.2f", front / heel);
        QVERIFY(front > 2 * heel);
    }

    void badInputIsOneLineAndExitTwo_data() {
        QTest::addColumn<QStringList>("flags");
        QTest::newRow("unknown block") << QStringList{"--block", "layer7.0"};
        QTest::newRow("class out of range") << QStringList{"--block", "layer1.0", "--class", "10"};
        QTest::newRow("negative class") << QStringList{"--block", "layer1.0", "--class", "-2"};
        QTest::newRow("missing image")
            << QStringList{"--block", "layer1.0", "--out", dir_.filePath("x.png")};
    }

    void badInputIsOneLineAndExitTwo() {
        QFETCH(QStringList, flags);
        QStringList args{"cam", "--model", "default"};
        args << (QTest::currentDataTag() == QString("missing image") ? dir_.filePath("no-such.png")
                                                                     : QString(kSample));
        const CliRun run = runCli(args + flags);
        QVERIFY2(run.isOneLineUsageError(), run.err.constData());
        QVERIFY(!QFile::exists(dir_.filePath("x.png")));
    }
};

QTEST_GUILESS_MAIN(GradCamTest)
#include "tst_grad_cam.moc"
