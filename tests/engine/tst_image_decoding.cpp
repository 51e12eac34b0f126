// Every kind of image a user drops decodes to the pixels it holds: PNG, JPEG, BMP, TIFF,
// WebP, PNM; 8 and 16 bits; gray, RGB, RGBA (composited on white); EXIF orientation
// applied. Broken files, decompression bombs and non-images are refused with a reason.
// All test images are generated here from known pixels.

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <unistd.h>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QtTest/QtTest>

#include <atomic>
#include <cmath>
#include <thread>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN

#include "PixelComparison.h"
#include "imaging/ImageDecoder.h"
#include "model/runtime/InputError.h"
#endif

using namespace reslens;

namespace {

// Distinct values everywhere, and no symmetry, so any flip or rotation shows.
cv::Mat knownRgb(int width = 37, int height = 23) {
    cv::Mat rgb(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            rgb.at<cv::Vec3b>(y, x) =
                cv::Vec3b(static_cast<uint8_t>((x * 7) % 256), static_cast<uint8_t>((y * 11) % 256),
                          static_cast<uint8_t>((x * y + 3) % 256));
        }
    }
    return rgb;
}

std::vector<char> encode(const std::string& extension, const cv::Mat& image,
                         const std::vector<int>& params = {}) {
    std::vector<uchar> bytes;
    if (!cv::imencode(extension, image, bytes, params)) {
        throw std::runtime_error("cannot encode " + extension);
    }
    return std::vector<char>(bytes.begin(), bytes.end());
}

cv::Mat toBgr(const cv::Mat& rgb) {
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    return bgr;
}

// An APP1 EXIF segment holding only the orientation tag, in either byte order.
std::vector<char> withExifOrientation(const std::vector<char>& jpeg, int orientation,
                                      bool littleEndian) {
    const auto o = static_cast<char>(orientation);
    std::vector<char> app1 = {'\xFF', '\xE1', 0, 34, 'E', 'x', 'i', 'f', 0, 0};
    const std::vector<char> tiff =
        littleEndian ? std::vector<char>{'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3,
                                         0,   1,   0,  0, 0, o, 0, 0, 0, 0, 0,    0,    0}
                     : std::vector<char>{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0,
                                         3,   0,   0, 0,  1, 0, o, 0, 0, 0, 0,    0,    0};
    app1.insert(app1.end(), tiff.begin(), tiff.end());
    std::vector<char> out(jpeg.begin(), jpeg.begin() + 2);  // SOI
    out.insert(out.end(), app1.begin(), app1.end());
    out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
    return out;
}

// The upright image for a stored image and its EXIF orientation, by the EXIF
// specification's definition of each value, pixel by pixel.
cv::Mat uprightByDefinition(const cv::Mat& stored, int orientation) {
    const int w = stored.cols, h = stored.rows;
    const bool swap = orientation >= 5;
    cv::Mat out(swap ? w : h, swap ? h : w, stored.type());
    for (int y = 0; y < out.rows; ++y) {
        for (int x = 0; x < out.cols; ++x) {
            int sx = x, sy = y;
            switch (orientation) {
                case 2:
                    sx = w - 1 - x;
                    break;
                case 3:
                    sx = w - 1 - x;
                    sy = h - 1 - y;
                    break;
                case 4:
                    sy = h - 1 - y;
                    break;
                case 5:
                    sx = y;
                    sy = x;
                    break;
                case 6:
                    sx = y;
                    sy = h - 1 - x;
                    break;
                case 7:
                    sx = w - 1 - y;
                    sy = h - 1 - x;
                    break;
                case 8:
                    sx = w - 1 - y;
                    sy = x;
                    break;
                default:
                    break;
            }
            out.at<cv::Vec3b>(y, x) = stored.at<cv::Vec3b>(sy, sx);
        }
    }
    return out;
}

QString decodeError(const std::vector<char>& bytes) {
    try {
        decodeImage(bytes, "'test'");
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

class ImageDecodingTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void losslessFormatsGiveTheExactPixels_data() {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QString>("format");
        QTest::newRow("PNG") << ".png"
                             << "png";
        QTest::newRow("BMP") << ".bmp"
                             << "bmp";
        QTest::newRow("TIFF") << ".tiff"
                              << "tiff";
        QTest::newRow("WebP lossless") << ".webp"
                                       << "webp";
        QTest::newRow("PPM") << ".ppm"
                             << "pnm";
    }

    void losslessFormatsGiveTheExactPixels() {
        QFETCH(QString, extension);
        QFETCH(QString, format);
        const cv::Mat rgb = knownRgb();
        std::vector<int> params;
        if (extension == ".webp") {
            params = {cv::IMWRITE_WEBP_QUALITY, 101};  // above 100: lossless
        }
        const DecodedImage decoded =
            decodeImage(encode(extension.toStdString(), toBgr(rgb), params), "'test'");
        QCOMPARE(QString::fromStdString(decoded.format), format);
        QVERIFY(samePixels(decoded.pixels, rgb));
        QCOMPARE(decoded.sourceChannels, 3);
        QCOMPARE(decoded.sourceBitDepth, 8);
    }

    void grayStaysOneChannel_data() {
        QTest::addColumn<QString>("extension");
        QTest::newRow("PNG") << ".png";
        QTest::newRow("PGM") << ".pgm";
        QTest::newRow("TIFF") << ".tiff";
    }

    void grayStaysOneChannel() {
        QFETCH(QString, extension);
        cv::Mat gray;
        cv::extractChannel(knownRgb(), gray, 0);
        const DecodedImage decoded = decodeImage(encode(extension.toStdString(), gray), "'test'");
        QVERIFY(samePixels(decoded.pixels, gray));
    }

    void sixteenBitsScaleToEightByDividingBy257() {
        const cv::Mat rgb = knownRgb();
        cv::Mat wide;
        toBgr(rgb).convertTo(wide, CV_16U, 257.0);              // 8-bit v becomes 257 v exactly
        wide.at<cv::Vec3w>(0, 0) = cv::Vec3w(65535, 128, 385);  // 255, 0.498 -> 0, 1.498 -> 1
        const DecodedImage decoded = decodeImage(encode(".png", wide), "'test'");
        QCOMPARE(decoded.sourceBitDepth, 16);
        cv::Mat expected = rgb.clone();
        expected.at<cv::Vec3b>(0, 0) = cv::Vec3b(1, 0, 255);  // RGB order of (B,G,R) above
        QVERIFY(samePixels(decoded.pixels, expected));

        cv::Mat gray16(5, 4, CV_16UC1, cv::Scalar(257 * 100 + 129));  // 100.502 -> 101
        const DecodedImage gray = decodeImage(encode(".png", gray16), "'test'");
        QCOMPARE(int(gray.pixels.at<uint8_t>(2, 2)), 101);
        QCOMPARE(gray.pixels.channels(), 1);
    }

    void alphaIsCompositedOnWhite() {
        cv::Mat bgra(2, 3, CV_8UC4);
        // (B, G, R, A): opaque red, transparent anything, half-transparent black, ...
        bgra.at<cv::Vec4b>(0, 0) = cv::Vec4b(0, 0, 255, 255);
        bgra.at<cv::Vec4b>(0, 1) = cv::Vec4b(10, 20, 30, 0);
        bgra.at<cv::Vec4b>(0, 2) = cv::Vec4b(0, 0, 0, 128);
        bgra.at<cv::Vec4b>(1, 0) = cv::Vec4b(200, 100, 50, 51);
        bgra.at<cv::Vec4b>(1, 1) = cv::Vec4b(0, 255, 0, 255);
        bgra.at<cv::Vec4b>(1, 2) = cv::Vec4b(255, 255, 255, 1);
        const DecodedImage decoded = decodeImage(encode(".png", bgra), "'test'");
        QVERIFY(decoded.hadAlpha);
        QCOMPARE(decoded.pixels.channels(), 3);
        for (int y = 0; y < 2; ++y) {
            for (int x = 0; x < 3; ++x) {
                const cv::Vec4b p = bgra.at<cv::Vec4b>(y, x);
                const double a = p[3] / 255.0;
                const cv::Vec3b got = decoded.pixels.at<cv::Vec3b>(y, x);
                for (int c = 0; c < 3; ++c) {
                    const double expected = p[2 - c] * a + 255.0 * (1 - a);  // RGB from BGR
                    QVERIFY2(std::abs(got[c] - expected) <= 0.5 + 1e-9,
                             qPrintable(QString("(%1,%2,%3): %4 vs %5")
                                            .arg(y)
                                            .arg(x)
                                            .arg(c)
                                            .arg(got[c])
                                            .arg(expected)));
                }
            }
        }
    }

    void jpegDecodesCloseToItsSource() {
        // Smooth gradients: JPEG's chroma subsampling would smear knownRgb's sharp edges.
        cv::Mat smooth(48, 64, CV_8UC3);
        for (int y = 0; y < smooth.rows; ++y) {
            for (int x = 0; x < smooth.cols; ++x) {
                smooth.at<cv::Vec3b>(y, x) =
                    cv::Vec3b(static_cast<uint8_t>(x * 4), static_cast<uint8_t>(y * 5),
                              static_cast<uint8_t>(128 + x - y));
            }
        }
        const DecodedImage decoded =
            decodeImage(encode(".jpg", toBgr(smooth), {cv::IMWRITE_JPEG_QUALITY, 98}), "'test'");
        QCOMPARE(QString::fromStdString(decoded.format), QString("jpeg"));
        QCOMPARE(decoded.pixels.size(), smooth.size());
        const double meanAbs = cv::norm(decoded.pixels, smooth, cv::NORM_L1) / smooth.total() / 3;
        QVERIFY2(meanAbs < 2.0, qPrintable(QString::number(meanAbs)));
    }

    void exifOrientationIsApplied_data() {
        QTest::addColumn<int>("orientation");
        QTest::addColumn<bool>("littleEndian");
        for (int o = 1; o <= 8; ++o) {
            QTest::addRow("orientation %d, big-endian", o) << o << false;
        }
        QTest::newRow("orientation 6, little-endian") << 6 << true;
        QTest::newRow("orientation 8, little-endian") << 8 << true;
    }

    void exifOrientationIsApplied() {
        QFETCH(int, orientation);
        QFETCH(bool, littleEndian);
        const std::vector<char> plain = encode(".jpg", toBgr(knownRgb()));
        // The same compressed data decodes to the same stored pixels with or without EXIF.
        const cv::Mat stored = decodeImage(plain, "'plain'").pixels;
        const DecodedImage decoded =
            decodeImage(withExifOrientation(plain, orientation, littleEndian), "'exif'");
        QCOMPARE(decoded.exifOrientation, orientation);
        QVERIFY(samePixels(decoded.pixels, uprightByDefinition(stored, orientation)));
    }

    void refusesBrokenInputWithAReason() {
        const std::vector<char> png = encode(".png", toBgr(knownRgb()));
        const std::vector<char> jpeg = encode(".jpg", toBgr(knownRgb()));

        QVERIFY(decodeError({}).contains("is empty"));
        QVERIFY(decodeError(std::vector<char>(png.begin(), png.begin() + png.size() / 2))
                    .contains("PNG file is truncated"));
        QVERIFY(decodeError(std::vector<char>(jpeg.begin(), jpeg.begin() + jpeg.size() / 2))
                    .contains("JPEG file is truncated"));
        QVERIFY(decodeError(std::vector<char>(png.begin(), png.begin() + 20))
                    .contains("PNG header is truncated"));
        const std::string text = "this is not an image, only text named .png\n";
        QVERIFY(decodeError(std::vector<char>(text.begin(), text.end()))
                    .contains("not an image in a format ResLens can read"));

        // A valid PNG whose header claims 100000 x 100000 pixels: refused before decoding.
        std::vector<char> bomb = png;
        for (int offset : {16, 20}) {
            const uint32_t side = 100000;
            for (int i = 0; i < 4; ++i) {
                bomb[offset + i] = static_cast<char>((side >> (24 - 8 * i)) & 0xFF);
            }
        }
        const QString bombError = decodeError(bomb);
        QVERIFY2(bombError.contains("claims 100000x100000 pixels"), qPrintable(bombError));
        QVERIFY(bombError.contains("limit of 100 megapixels"));

        // A corrupt chunk inside an otherwise complete PNG.
        std::vector<char> corrupt = png;
        for (size_t i = 60; i < 90 && i < corrupt.size(); ++i) {
            corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5A);
        }
        QVERIFY(decodeError(corrupt).contains("damaged png file"));

        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(InputError, decodeImageFile(dir.path().toStdString()));
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 decodeImageFile(dir.filePath("absent.png").toStdString()));
    }

    // libpng and libjpeg complain on stderr; their words belong in the one-line error of the
    // decode that caused them, and nowhere else: not on stderr, not in another thread's
    // error, and without taking stderr away from the rest of the process meanwhile.
    void libraryMessagesStayWithTheirDecode() {
        std::vector<char> corruptPng = encode(".png", toBgr(knownRgb()));
        for (size_t i = 60; i < 90 && i < corruptPng.size(); ++i) {
            corruptPng[i] = static_cast<char>(corruptPng[i] ^ 0x5A);
        }
        std::vector<char> corruptJpeg = encode(".jpg", toBgr(knownRgb()));
        for (size_t i = corruptJpeg.size() / 2; i < corruptJpeg.size() / 2 + 40; ++i) {
            corruptJpeg[i] = static_cast<char>(corruptJpeg[i] ^ 0x33);
        }
        const std::vector<char> goodPng = encode(".png", toBgr(knownRgb()));

        QTemporaryFile captured;
        QVERIFY(captured.open());
        std::fflush(stderr);
        const int saved = ::dup(STDERR_FILENO);
        QVERIFY(saved >= 0);
        QVERIFY(::dup2(captured.handle(), STDERR_FILENO) >= 0);

        std::atomic<int> wrongErrors{0}, pngErrors{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 25; ++i) {
                    const QString png = decodeError(t % 2 ? corruptPng : goodPng);
                    if (t % 2) {
                        pngErrors += png.contains("damaged png file (libpng: ");
                    } else {
                        wrongErrors += !png.isEmpty();  // a good file never fails
                    }
                    const QString jpeg = decodeError(corruptJpeg);  // a warning, or an error
                    wrongErrors += jpeg.contains("libpng");
                }
            });
        }
        std::string markers;
        for (int i = 0; i < 20; ++i) {
            const std::string marker = "marker " + std::to_string(i) + "\n";
            QCOMPARE(::write(STDERR_FILENO, marker.data(), marker.size()), ssize_t(marker.size()));
            markers += marker;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        for (std::thread& thread : threads) {
            thread.join();
        }
        std::fflush(stderr);
        ::dup2(saved, STDERR_FILENO);
        ::close(saved);

        QCOMPARE(pngErrors.load(), 2 * 25);
        QCOMPARE(wrongErrors.load(), 0);
        captured.seek(0);
        const QByteArray written = captured.readAll();
        // Exactly this thread's writes: no library text, and none of them swallowed.
        QCOMPARE(written, QByteArray::fromStdString(markers));
    }

    void theLimitIsAnOption() {
        DecodeOptions small;
        small.maxPixels = 100;
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 decodeImage(encode(".png", toBgr(knownRgb())), "'t'", small));
    }
};

QTEST_GUILESS_MAIN(ImageDecodingTest)
#include "tst_image_decoding.moc"
