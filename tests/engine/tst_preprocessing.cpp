// Preprocessing reproduces Pillow and torchvision exactly: the bilinear resize bit for bit
// (downscaling, upscaling, one axis only, RGB and gray), PIL's grayscale conversion, the
// center crop's rounding, ToTensor and Normalize. Fashion-MNIST style inversion happens
// for light backgrounds only. References from fixtures/pil_reference.py.

#include <opencv2/core.hpp>

#include <QTemporaryDir>
#include <QtTest/QtTest>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "PixelComparison.h"
#include "PythonFixture.h"
#include "imaging/ImageDecoder.h"
#include "imaging/ImagePreprocessor.h"
#include "imaging/PilResize.h"
#include "model/runtime/InputError.h"
#endif

using namespace reslens;

namespace {

DecodedImage uniformImage(int width, int height, uint8_t background, uint8_t object) {
    DecodedImage image;
    image.pixels = cv::Mat(height, width, CV_8UC3, cv::Scalar::all(background));
    image.pixels(cv::Rect(width / 4, height / 4, width / 2, height / 2))
        .setTo(cv::Scalar::all(object));
    return image;
}

}  // namespace

class PreprocessingTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string path(const QString& name) const { return dir_.filePath(name).toStdString(); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const QString failure = runPythonFixture("pil_reference.py", {dir_.path()});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void resizeMatchesPillowBitForBit_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("457x300 -> 341x224, RGB") << "down_rgb" << 341 << 224;
        QTest::newRow("1001x97 -> 77x29, RGB") << "down_odd_rgb" << 77 << 29;
        QTest::newRow("61x97 -> 161x256, RGB (enlarging)") << "up_rgb" << 161 << 256;
        QTest::newRow("1000x10 -> 37x10 (horizontal only)") << "horizontal_only" << 37 << 10;
        QTest::newRow("12x300 -> 12x31, gray (vertical only)") << "vertical_only_gray" << 12 << 31;
        QTest::newRow("123x77 -> 44x28, gray") << "down_gray" << 44 << 28;
    }

    void resizeMatchesPillowBitForBit() {
        QFETCH(QString, name);
        QFETCH(int, width);
        QFETCH(int, height);
        const cv::Mat source = decodeImageFile(path("source_" + name + ".png")).pixels;
        const cv::Mat expected = decodeImageFile(path("resized_" + name + ".png")).pixels;
        const cv::Mat resized = resizeBilinearLikePillow(source, width, height);
        QCOMPARE(resized.cols, width);
        QCOMPARE(resized.rows, height);
        QVERIFY2(samePixels(resized, expected),
                 qPrintable(QString("max diff %1").arg(cv::norm(resized, expected, cv::NORM_INF))));
    }

    void grayscaleMatchesPillow() {
        const cv::Mat rgb = decodeImageFile(path("rgb.png")).pixels;
        const cv::Mat gray = decodeImageFile(path("gray.png")).pixels;
        QVERIFY(samePixels(toGrayLikePillow(rgb), gray));
    }

    void tensorsMatchTorchvisionTransforms() {
        const auto reference = loadPickledDict(path("reference.pt"));
        const PreparedImage odd =
            prepareImage(decodeImageFile(path("odd_crop.png")), Preprocessing::imagenet());
        QVERIFY(torch::equal(odd.tensor, tensorAt(reference, "imagenet/odd_crop")));

        Preprocessing fmnist = Preprocessing::fashionMnist();
        fmnist.invert = InvertPolicy::Never;  // torchvision has no such step
        const PreparedImage clothes = prepareImage(decodeImageFile(path("clothes.png")), fmnist);
        QVERIFY(torch::equal(clothes.tensor, tensorAt(reference, "gray/fmnist")));
    }

    void resizedSizeFollowsTorchvision() {
        // torchvision: the shorter side becomes the size, the longer int(size * long / short).
        QCOMPARE(resizedSize(457, 300, 256), std::make_pair(389, 256));  // 256*457/300 = 389.97
        QCOMPARE(resizedSize(300, 457, 256), std::make_pair(256, 389));
        QCOMPARE(resizedSize(256, 259, 256), std::make_pair(256, 259));  // unchanged
        QCOMPARE(resizedSize(1000, 10, 28), std::make_pair(2800, 28));
        // Up to 256:1 resizes (65,536 × 256 is the limit); the 8984×18 JPEG the fuzzer
        // found would be 127,772 × 256 = 32.7 MP: refused.
        QCOMPARE(resizedSize(32768, 128, 256), std::make_pair(65536, 256));
        QVERIFY_THROWS_EXCEPTION(InputError, resizedSize(32769, 128, 256));
        QVERIFY_THROWS_EXCEPTION(InputError, resizedSize(8984, 18, 256));
        QVERIFY_THROWS_EXCEPTION(InputError, resizedSize(1, 4000000, 256));  // int overflow
    }

    void lightBackgroundsAreInvertedForFashionMnist() {
        // The whole frame, so the background stays in view (cropping a photo to its object
        // is tst_photo_preparation's).
        Preprocessing p = Preprocessing::fashionMnist();
        p.framing = Framing::WholeImage;
        // A dark garment on white, as photographed: inverted to light on black.
        const PreparedImage photo = prepareImage(uniformImage(56, 56, 255, 40), p);
        QVERIFY(photo.inverted);
        QCOMPARE(int(photo.networkView.at<uint8_t>(0, 0)), 0);
        QCOMPARE(int(photo.networkView.at<uint8_t>(14, 14)), 255 - 40);
        const float background = photo.tensor[0][0][0].item<float>();
        QVERIFY(std::abs(background - (0.0f - 0.2860f) / 0.3530f) < 1e-6f);
        // Already light on black, like the dataset: left alone.
        const PreparedImage dataset = prepareImage(uniformImage(28, 28, 0, 200), p);
        QVERIFY(!dataset.inverted);
        QCOMPARE(int(dataset.networkView.at<uint8_t>(14, 14)), 200);
        QCOMPARE(dataset.tensor.sizes(), (c10::IntArrayRef{1, 28, 28}));
        // ImageNet never inverts.
        QVERIFY(!prepareImage(uniformImage(300, 300, 255, 0), Preprocessing::imagenet()).inverted);
    }

    void grayImagesFeedRgbModelsAndBack() {
        DecodedImage gray;
        gray.pixels = cv::Mat(32, 32, CV_8UC1, cv::Scalar(77));
        const PreparedImage rgb = prepareImage(gray, Preprocessing::cifar10());
        QCOMPARE(rgb.tensor.sizes(), (c10::IntArrayRef{3, 32, 32}));
        for (int c = 0; c < 3; ++c) {
            const double expected =
                (77 / 255.0 - Preprocessing::cifar10().mean[c]) / Preprocessing::cifar10().std[c];
            QVERIFY(std::abs(rgb.tensor[c][5][5].item<double>() - expected) < 1e-5);
        }
    }

    void impossiblePreprocessingIsRefused() {
        Preprocessing p = Preprocessing::imagenet();
        p.std = {0.2, 0.0, 0.2};
        QVERIFY_THROWS_EXCEPTION(InputError, prepareImage(uniformImage(8, 8, 0, 1), p));
        p = Preprocessing::imagenet();
        p.channels = 4;
        p.mean = p.std = {0.5, 0.5, 0.5, 0.5};
        QVERIFY_THROWS_EXCEPTION(InputError, prepareImage(uniformImage(8, 8, 0, 1), p));
    }
};

QTEST_GUILESS_MAIN(PreprocessingTest)
#include "tst_preprocessing.moc"
