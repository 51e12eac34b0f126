// Photos prepared the way Fashion-MNIST was made (issue 14): the object is found in the
// photo despite JPEG noise, a gradient in the lighting and a soft shadow; cropped, centred,
// negated when the background is light, the background mapped to 0. Expected boxes are the
// rectangles the tests draw, so they come from the test, not from the code; a few pixels
// of tolerance cover the blur and the search's downscaling. The dataset's own images come
// out bit for bit as stored, as they did before photos were cropped.

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "PixelComparison.h"
#include "imaging/ImageDecoder.h"
#include "imaging/ImagePreprocessor.h"
#include "imaging/ObjectFinder.h"
#include "model/data/BuiltinDatasets.h"
#include "model/files/ModelFile.h"
#include "model/runtime/InputError.h"
#endif

using namespace reslens;

namespace {

constexpr int kTolerance = 4;  // pixels: blur, JPEG and the search's downscaling

// A photo: `background` everywhere, a filled rectangle of `object`, optionally blurred.
cv::Mat photo(cv::Size size, double background, const cv::Rect& object, double objectLevel) {
    cv::Mat image(size, CV_8UC3, cv::Scalar::all(background));
    image(object & cv::Rect(0, 0, size.width, size.height)).setTo(cv::Scalar::all(objectLevel));
    return image;
}

DecodedImage decoded(const cv::Mat& pixels) {
    DecodedImage image;
    image.pixels = pixels;
    return image;
}

// What a camera and a JPEG encoder do to it: noise, then lossy compression.
cv::Mat throughJpeg(const cv::Mat& image, double noise, int quality) {
    cv::Mat noisy;
    image.convertTo(noisy, CV_32F);
    cv::Mat grain(image.size(), CV_32FC3);
    cv::RNG rng(7);
    rng.fill(grain, cv::RNG::NORMAL, 0, noise);
    noisy += grain;
    noisy.convertTo(noisy, CV_8U);
    std::vector<uint8_t> bytes;
    cv::imencode(".jpg", noisy, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
    return cv::imdecode(bytes, cv::IMREAD_COLOR);
}

bool near(const cv::Rect& found, const cv::Rect& expected) {
    return std::abs(found.x - expected.x) <= kTolerance &&
           std::abs(found.y - expected.y) <= kTolerance &&
           std::abs(found.br().x - expected.br().x) <= kTolerance &&
           std::abs(found.br().y - expected.br().y) <= kTolerance;
}

QString describe(const cv::Rect& r) {
    return QString("%1x%2+%3+%4").arg(r.width).arg(r.height).arg(r.x).arg(r.y);
}

// The bounding box of the network view's pixels above `level`.
cv::Rect inkBox(const cv::Mat& view, int level) {
    cv::Mat mask = view > level;
    return cv::boundingRect(mask);
}

}  // namespace

class PhotoPreparationTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void findsTheObject_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<double>("background");
        QTest::addColumn<QRect>("object");
        QTest::addColumn<double>("objectLevel");
        QTest::newRow("in a corner") << 640 << 480 << 230.0 << QRect(12, 9, 150, 110) << 40.0;
        QTest::newRow("tiny, in a large photo")
            << 1600 << 1200 << 235.0 << QRect(1100, 300, 40, 56) << 60.0;
        QTest::newRow("touching the border")
            << 800 << 600 << 220.0 << QRect(0, 200, 260, 300) << 30.0;
        QTest::newRow("portrait, off-centre")
            << 480 << 640 << 210.0 << QRect(300, 50, 120, 200) << 70.0;
        QTest::newRow("dark background, light object")
            << 640 << 480 << 15.0 << QRect(400, 100, 180, 240) << 200.0;
        QTest::newRow("already 28x28, object on light ground")
            << 28 << 28 << 240.0 << QRect(8, 4, 12, 20) << 20.0;
    }

    void findsTheObject() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, background);
        QFETCH(QRect, object);
        QFETCH(double, objectLevel);
        const cv::Rect expected(object.x(), object.y(), object.width(), object.height());
        const ObjectSearch search =
            findObject(photo({width, height}, background, expected, objectLevel));
        QVERIFY(search.found);
        QVERIFY2(near(search.box, expected),
                 qPrintable(describe(search.box) + " for " + describe(expected)));
        QCOMPARE(search.lightBackground(), background > 127.5);
        QVERIFY(std::abs(search.backgroundLuma - background) <= 1);
    }

    void findsTheObjectThroughJpegNoiseShadowAndUnevenLight() {
        cv::Mat image(600, 800, CV_32FC3);
        for (int y = 0; y < image.rows; ++y) {
            for (int x = 0; x < image.cols; ++x) {
                // 30 gray levels of gradient from left to right: a lamp on one side.
                image.at<cv::Vec3f>(y, x) = cv::Vec3f::all(205.0f + 30.0f * x / image.cols);
            }
        }
        const cv::Rect object(420, 150, 160, 220);
        // A soft shadow offset down and right, at most 25 levels deep.
        cv::Mat shadow = cv::Mat::zeros(image.size(), CV_32F);
        shadow(object + cv::Point(6, 6)).setTo(25.0f);
        cv::GaussianBlur(shadow, shadow, cv::Size(0, 0), 4);
        cv::Mat shadow3;
        cv::merge(std::vector<cv::Mat>(3, shadow), shadow3);
        image -= shadow3;
        image(object).setTo(cv::Scalar::all(45));
        cv::Mat eight;
        image.convertTo(eight, CV_8U);
        const cv::Mat jpeg = throughJpeg(eight, 4.0, 60);

        const ObjectSearch search = findObject(jpeg);
        QVERIFY(search.found);
        // The shadow may widen the box down and right by its offset and blur, no more.
        const cv::Rect allowed(object.x - kTolerance, object.y - kTolerance,
                               object.width + 16 + kTolerance, object.height + 16 + kTolerance);
        QVERIFY2(near(cv::Rect(search.box.tl(), object.size()), object) &&
                     (search.box | allowed) == allowed,
                 qPrintable(describe(search.box)));
    }

    void aUniformImageIsNotCropped_data() {
        QTest::addColumn<double>("level");
        QTest::addColumn<double>("noise");
        QTest::newRow("white, clean") << 255.0 << 0.0;
        QTest::newRow("gray, noisy JPEG") << 180.0 << 5.0;
        QTest::newRow("black") << 0.0 << 0.0;
    }

    void aUniformImageIsNotCropped() {
        QFETCH(double, level);
        QFETCH(double, noise);
        cv::Mat image(480, 640, CV_8UC3, cv::Scalar::all(level));
        if (noise > 0) {
            image = throughJpeg(image, noise, 70);
        }
        QVERIFY(!findObject(image).found);
        const PreparedImage prepared = prepareImage(decoded(image), Preprocessing::fashionMnist());
        QVERIFY(!prepared.croppedToObject);
        QCOMPARE(prepared.window, cv::Rect(0, 0, 640, 480));
        QCOMPARE(prepared.networkView.size(), cv::Size(28, 28));
    }

    void tinyAndDegenerateImagesGetAnAnswer() {
        for (const cv::Size size : {cv::Size(1, 1), cv::Size(2, 7), cv::Size(3, 3)}) {
            const cv::Mat image(size, CV_8UC1, cv::Scalar(128));
            const PreparedImage prepared =
                prepareImage(decoded(image), Preprocessing::fashionMnist());
            QCOMPARE(prepared.networkView.size(), cv::Size(28, 28));
        }
    }

    // A light-background photo becomes what the dataset shows: the object, centred, filling
    // the input's longer side, light on exact black.
    void aPhotoBecomesADatasetStyleInput() {
        const cv::Rect object(60, 250, 100, 160);  // taller than wide, lower left
        const PreparedImage prepared = prepareImage(decoded(photo({640, 480}, 228, object, 50)),
                                                    Preprocessing::fashionMnist());
        QVERIFY(prepared.croppedToObject);
        QVERIFY(prepared.inverted);
        const cv::Mat& view = prepared.networkView;
        QCOMPARE(view.size(), cv::Size(28, 28));
        QCOMPARE(view.at<uint8_t>(0, 0), uint8_t(0));  // background -> 0
        // The object, negated and stretched: (228 - 50) / 228 * 255 = 199.1.
        QVERIFY(std::abs(view.at<uint8_t>(14, 14) - 199) <= 1);
        const cv::Rect ink = inkBox(view, 100);
        QVERIFY2(ink.height >= 27, qPrintable(describe(ink)));  // fills the height
        const int left = ink.x, right = 28 - ink.br().x;
        QVERIFY2(std::abs(left - right) <= 1, qPrintable(describe(ink)));  // centred across
        QVERIFY2(std::abs(ink.width - 28 * 100 / 160) <= 2, qPrintable(describe(ink)));
        // The window: the box grown to a square around its centre.
        QCOMPARE(prepared.window.width, prepared.window.height);
        QVERIFY(std::abs((prepared.window.x + prepared.window.width / 2) - (60 + 50)) <= 3);
    }

    void anObjectCutByTheBorderStaysCentred() {
        const cv::Rect object(0, 100, 120, 200);  // the photo's left edge cuts it
        const PreparedImage prepared = prepareImage(decoded(photo({640, 480}, 230, object, 40)),
                                                    Preprocessing::fashionMnist());
        QVERIFY(prepared.croppedToObject);
        QVERIFY(prepared.window.x < 0);  // padded with background past the edge, not shifted
        const cv::Rect ink = inkBox(prepared.networkView, 100);
        QVERIFY2(std::abs(ink.x - (28 - ink.br().x)) <= 1, qPrintable(describe(ink)));
    }

    void aDarkBackgroundIsNotNegated() {
        const PreparedImage prepared =
            prepareImage(decoded(photo({640, 480}, 20, {300, 80, 150, 300}, 190)),
                         Preprocessing::fashionMnist());
        QVERIFY(prepared.croppedToObject);
        QVERIFY(!prepared.inverted);
        QCOMPARE(prepared.networkView.at<uint8_t>(0, 0), uint8_t(0));
        QVERIFY(prepared.networkView.at<uint8_t>(14, 14) > 150);
    }

    void wholeImageFramingIsTodaysTransform() {
        const cv::Mat image = photo({640, 480}, 230, {60, 250, 100, 160}, 50);
        Preprocessing whole = Preprocessing::fashionMnist();
        whole.framing = Framing::WholeImage;
        const PreparedImage prepared = prepareImage(decoded(image), whole);
        QVERIFY(!prepared.croppedToObject);
        QCOMPARE(prepared.window, cv::Rect(0, 0, 640, 480));
        QVERIFY(prepared.inverted);
        // Resize the shorter side to 28 (37x28), center-crop 28x28: the object is small and
        // off to the left, nowhere near filling the input.
        const cv::Rect ink = inkBox(prepared.networkView, 100);
        QVERIFY2(ink.height < 14, qPrintable(describe(ink)));
    }

    // Every image of both Fashion-MNIST splits, prepared as a dropped 28x28 file would be,
    // comes out exactly as stored: dark background at the input size is the dataset's style.
    void datasetImagesAreUnchanged() {
        int checked = 0;
        for (const Split split : {Split::Test, Split::Train}) {
            const Dataset data = loadFashionMnist(kFashionMnistDirectory, split);
            const torch::Tensor images = data.images.contiguous();
            for (int64_t i = 0; i < images.size(0); ++i) {
                const cv::Mat stored(28, 28, CV_8UC1, images[i].data_ptr<uint8_t>());
                const PreparedImage prepared =
                    prepareImage(decoded(stored.clone()), Preprocessing::fashionMnist());
                if (!samePixels(prepared.networkView, stored) || prepared.croppedToObject) {
                    QFAIL(qPrintable(QString("image %1 changed").arg(i)));
                }
                ++checked;
            }
        }
        QCOMPARE(checked, 70000);
    }

    void modelFilesRecordTheFraming() {
        const nlohmann::json written = preprocessingToJson(Preprocessing::fashionMnist());
        QCOMPARE(written.at("framing").get<std::string>(), std::string("crop-to-object"));
        QCOMPARE(preprocessingToJson(Preprocessing::imagenet()).at("framing").get<std::string>(),
                 std::string("whole-image"));
        nlohmann::json bad = written;
        bad["framing"] = "zoom";
        QVERIFY_THROWS_EXCEPTION(InputError, preprocessingFromJson(bad));
    }

    // Files written before framing existed: Fashion-MNIST ones crop photos from now on,
    // every other keeps the whole image.
    void olderFilesGetTheirPresetsFraming() {
        nlohmann::json fashion = preprocessingToJson(Preprocessing::fashionMnist());
        fashion.erase("framing");
        QVERIFY(preprocessingFromJson(fashion).framing == Framing::CropToObject);
        nlohmann::json imagenet = preprocessingToJson(Preprocessing::imagenet());
        imagenet.erase("framing");
        QVERIFY(preprocessingFromJson(imagenet).framing == Framing::WholeImage);
        // The shipped models were written before: they load, and crop photos.
        const LoadedModel shipped = loadModel(RESLENS_SOURCE_RESOURCES "/models/default.pt");
        QVERIFY(shipped.metadata.preprocessing.framing == Framing::CropToObject);
    }
};

QTEST_APPLESS_MAIN(PhotoPreparationTest)
#include "tst_photo_preparation.moc"
