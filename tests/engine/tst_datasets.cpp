// Dataset readers: Debian's Fashion-MNIST files as installed, IDX files raw or gzipped,
// CIFAR-10 binary batches and image folders generated here; every malformed header, size or
// label refused with a reason; and the --data specs of docs/cli.md.

#include <zlib.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <opencv2/core.hpp>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "imaging/DatasetLoading.h"
#include "imaging/ImageRendering.h"
#include "model/data/BuiltinDatasets.h"
#include "model/data/CompressedFile.h"
#include "model/data/DataSpec.h"
#include "model/data/IdxFormat.h"
#include "model/runtime/InputError.h"
#endif

using namespace reslens;

namespace {

std::vector<char> idx(const std::vector<uint32_t>& dims, const std::vector<uint8_t>& data,
                      uint8_t type = 0x08) {
    std::vector<char> bytes = {0, 0, static_cast<char>(type), static_cast<char>(dims.size())};
    for (uint32_t d : dims) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes.push_back(static_cast<char>((d >> shift) & 0xFF));
        }
    }
    bytes.insert(bytes.end(), data.begin(), data.end());
    return bytes;
}

std::vector<char> gzip(const std::vector<char>& bytes) {
    z_stream stream{};
    deflateInit2(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::vector<char> out(deflateBound(&stream, bytes.size()) + 64);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

void writeFile(const QString& path, const std::vector<char>& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes.data(), static_cast<qint64>(bytes.size()));
}

QString idxError(const std::vector<char>& bytes) {
    try {
        parseIdx(bytes, "'t'");
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

class DatasetsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsDebiansFashionMnist() {
        if (!QFile::exists(QString(kFashionMnistDirectory) + "/t10k-labels-idx1-ubyte.gz")) {
            QSKIP("dataset-fashion-mnist is not installed");
        }
        const Dataset train = loadFashionMnist(kFashionMnistDirectory, Split::Train);
        QCOMPARE(train.images.sizes(), (c10::IntArrayRef{60000, 1, 28, 28}));
        QCOMPARE(train.images.scalar_type(), torch::kUInt8);
        // Fashion-MNIST is balanced: 6,000 training and 1,000 test images per class.
        QVERIFY(torch::equal(torch::bincount(train.labels), torch::full({10}, 6000, torch::kLong)));
        const Dataset test = loadFashionMnist(kFashionMnistDirectory, Split::Test);
        QCOMPARE(test.size(), int64_t(10000));
        QVERIFY(torch::equal(torch::bincount(test.labels), torch::full({10}, 1000, torch::kLong)));
        QCOMPARE(QString::fromStdString(test.classNames[9]), QString("Ankle boot"));
        // Light objects on black: the borders are dark, the centres are not.
        const double border = test.images.select(3, 0).to(torch::kFloat).mean().item<double>();
        const double centre =
            test.images.narrow(2, 10, 8).narrow(3, 10, 8).to(torch::kFloat).mean().item<double>();
        QVERIFY2(border < 10 && centre > 60, qPrintable(QString("%1 %2").arg(border).arg(centre)));
    }

    void idxRawAndGzippedAgree() {
        QTemporaryDir dir;
        std::vector<uint8_t> pixels(3 * 28 * 28);
        for (size_t i = 0; i < pixels.size(); ++i) {
            pixels[i] = static_cast<uint8_t>(i * 7);
        }
        writeFile(dir.filePath("t10k-images-idx3-ubyte"), idx({3, 28, 28}, pixels));
        writeFile(dir.filePath("t10k-labels-idx1-ubyte.gz"), gzip(idx({3}, {9, 0, 4})));
        const Dataset data = loadFashionMnist(dir.path().toStdString(), Split::Test);
        QCOMPARE(data.images.sizes(), (c10::IntArrayRef{3, 1, 28, 28}));
        QCOMPARE(data.images[1][0][0][5].item<int>(), static_cast<int>(uint8_t((784 + 5) * 7)));
        QCOMPARE(data.labels[0].item<int64_t>(), int64_t(9));

        // Labels that do not match the images in number.
        writeFile(dir.filePath("t10k-labels-idx1-ubyte.gz"), gzip(idx({2}, {1, 2})));
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 loadFashionMnist(dir.path().toStdString(), Split::Test));
        // A label beyond the ten classes.
        writeFile(dir.filePath("t10k-labels-idx1-ubyte.gz"), gzip(idx({3}, {1, 2, 10})));
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 loadFashionMnist(dir.path().toStdString(), Split::Test));
        // A truncated gzip stream.
        std::vector<char> cut = gzip(idx({3}, {1, 2, 3}));
        cut.resize(cut.size() / 2);
        writeFile(dir.filePath("t10k-labels-idx1-ubyte.gz"), cut);
        try {
            loadFashionMnist(dir.path().toStdString(), Split::Test);
            QFAIL("a truncated gzip file was accepted");
        } catch (const InputError& e) {
            QVERIFY2(QString(e.what()).contains("corrupt or truncated gzip"), e.what());
        }
        // The training split is not there at all.
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 loadFashionMnist(dir.path().toStdString(), Split::Train));
    }

    void malformedIdxHeadersAreRefused() {
        QVERIFY(idxError(idx({2, 2}, {1, 2, 3, 4})).isEmpty());
        std::vector<char> badMagic = idx({2}, {1, 2});
        badMagic[0] = 1;
        QVERIFY(idxError(badMagic).contains("bad magic number"));
        QVERIFY(idxError(idx({2}, {1, 2}, 0x0D)).contains("element type 13"));
        QVERIFY(
            idxError(idx({2, 2}, {1, 2, 3})).contains("promises 4 bytes of data, the file has 3"));
        QVERIFY(idxError(idx({2}, {1, 2, 3})).contains("promises 2 bytes"));
        std::vector<char> shortHeader = idx({5, 5, 5}, {});
        shortHeader.resize(9);
        QVERIFY(idxError(shortHeader).contains("truncated"));
        QVERIFY(idxError(idx({0}, {})).contains("dimension 0 is 0"));
        QVERIFY(idxError({}).contains("not an IDX file"));
    }

    void readsCifarBinaryBatches() {
        QTemporaryDir dir;
        std::vector<char> records;
        for (int r = 0; r < 3; ++r) {
            records.push_back(static_cast<char>(r * 4));  // labels 0, 4, 8
            for (int i = 0; i < 3072; ++i) {
                records.push_back(static_cast<char>((i / 1024) * 100 + r));  // R, G, B planes
            }
        }
        writeFile(dir.filePath("test_batch.bin"), records);
        const Dataset data = loadCifar10(dir.path().toStdString(), Split::Test);
        QCOMPARE(data.images.sizes(), (c10::IntArrayRef{3, 3, 32, 32}));
        QCOMPARE(data.labels[2].item<int64_t>(), int64_t(8));
        QCOMPARE(data.images[1][0][31][31].item<int>(), 1);  // red plane of record 1
        QCOMPARE(data.images[1][2][0][0].item<int>(), 201);  // blue plane of record 1
        QCOMPARE(QString::fromStdString(data.classNames[3]), QString("cat"));

        records.pop_back();
        writeFile(dir.filePath("test_batch.bin"), records);
        QVERIFY_THROWS_EXCEPTION(InputError, loadCifar10(dir.path().toStdString(), Split::Test));
        records.push_back(0);
        records[0] = 10;
        writeFile(dir.filePath("test_batch.bin"), records);
        QVERIFY_THROWS_EXCEPTION(InputError, loadCifar10(dir.path().toStdString(), Split::Test));
        QVERIFY_THROWS_EXCEPTION(InputError, loadCifar10(dir.path().toStdString(), Split::Train));
    }

    void readsImageFolders() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("cats"));
        QVERIFY(QDir(dir.path()).mkpath("dogs"));
        for (int i = 0; i < 3; ++i) {
            cv::Mat image(40 + i, 50, CV_8UC3, cv::Scalar(10 * i, 100, 200));
            writePng(dir.filePath(QString("dogs/%1.png").arg(i)).toStdString(), image);
        }
        writePng(dir.filePath("cats/a.png").toStdString(),
                 cv::Mat(20, 20, CV_8UC3, cv::Scalar(7, 7, 7)));
        const Dataset data =
            loadImageFolder(dir.path().toStdString(), Preprocessing::forInput(3, 32, 32));
        QCOMPARE(data.images.sizes(), (c10::IntArrayRef{4, 3, 32, 32}));
        QCOMPARE(data.classNames, (std::vector<std::string>{"cats", "dogs"}));
        QCOMPARE(data.labels.sum().item<int64_t>(), int64_t(3));
        QCOMPARE(data.images[0][1][16][16].item<int>(), 7);
        QCOMPARE(data.images[1][2][16][16].item<int>(), 200);  // RGB order kept

        QFile junk(dir.filePath("cats/notes.png"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not an image");
        junk.close();
        QVERIFY_THROWS_EXCEPTION(InputError, loadImageFolder(dir.path().toStdString(),
                                                             Preprocessing::forInput(3, 32, 32)));
        QTemporaryDir empty;
        QVERIFY_THROWS_EXCEPTION(InputError, loadImageFolder(empty.path().toStdString(),
                                                             Preprocessing::forInput(3, 32, 32)));
    }

    void dataSpecsFollowTheContract() {
        DataSpec a = DataSpec::parse("fashion-mnist");
        QVERIFY(a.kind == DataSpec::Kind::FashionMnist);
        QCOMPARE(QString::fromStdString(a.directory), QString(kFashionMnistDirectory));
        QVERIFY(a.split == Split::Train && !a.splitGiven);
        DataSpec b = DataSpec::parse("fashion-mnist:test");
        QVERIFY(b.split == Split::Test && b.splitGiven);
        QCOMPARE(QString::fromStdString(b.directory), QString(kFashionMnistDirectory));
        DataSpec c = DataSpec::parse("fashion-mnist:/data/fm:test");
        QCOMPARE(QString::fromStdString(c.directory), QString("/data/fm"));
        QVERIFY(c.split == Split::Test);
        DataSpec d = DataSpec::parse("cifar10:/data/c");
        QVERIFY(d.kind == DataSpec::Kind::Cifar10 && d.split == Split::Train);
        QVERIFY(DataSpec::parse("folder:/pics").kind == DataSpec::Kind::Folder);
        QVERIFY_THROWS_EXCEPTION(InputError, DataSpec::parse("cifar10"));
        QVERIFY_THROWS_EXCEPTION(InputError, DataSpec::parse("folder"));
        QVERIFY_THROWS_EXCEPTION(InputError, DataSpec::parse("mnist"));
    }
};

QTEST_GUILESS_MAIN(DatasetsTest)
#include "tst_datasets.moc"
