// reslens-cli classify --video on videos made the way users make them: Fashion-MNIST test
// images written by ffmpeg (tests/fixtures/fashion_mnist_video.py) into a lossless FFV1
// file, an H.264 MP4 and other containers. Every classified frame must equal classify on the
// still image of the same pixels: the image that went in for the lossless file, ffmpeg's own
// decoding of each frame for the lossy one. Truncated, foreign and missing files: exit 2
// and one line.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "CliRunner.h"
#include "PythonFixture.h"

namespace {

constexpr int kFrames = 40;
constexpr double kFramesPerSecond = 25;

QJsonArray resultsOf(const CliRun& run) {
    return QJsonDocument::fromJson(run.out).object().value("results").toArray();
}

// Stills and frames agree when their classes and logits do (the forward batches are the same,
// so the logits are identical; 1e-5 leaves room for nothing but rounding).
void compareFrames(const QJsonArray& frames, const QJsonArray& stills, int every) {
    QCOMPARE(frames.size(), (stills.size() + every - 1) / every);
    for (int i = 0; i < frames.size(); ++i) {
        const QJsonObject frame = frames[i].toObject();
        const QJsonObject still = stills[i * every].toObject();
        QCOMPARE(frame.value("frame").toInt(), i * every);
        QVERIFY(std::abs(frame.value("time_s").toDouble() - i * every / kFramesPerSecond) < 1e-6);
        QCOMPARE(frame.value("top").toArray()[0].toObject().value("index").toInt(),
                 still.value("top").toArray()[0].toObject().value("index").toInt());
        const QJsonArray a = frame.value("logits").toArray(), b = still.value("logits").toArray();
        QCOMPARE(a.size(), b.size());
        for (int k = 0; k < a.size(); ++k) {
            QVERIFY2(std::abs(a[k].toDouble() - b[k].toDouble()) < 1e-5,
                     qPrintable(QString("frame %1 logit %2").arg(i * every).arg(k)));
        }
        QCOMPARE(frame.value("blocks").toArray().size(), still.value("blocks").toArray().size());
    }
}

}  // namespace

class CliVideoTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString file(const QString& name) const { return dir_.filePath(name); }

    QJsonArray stills(const QString& folder) {
        QStringList args{"classify", "--model", "default", "--json"};
        for (int i = 0; i < kFrames; ++i) {
            args << file(QString("%1/%2.png").arg(folder).arg(i, 4, 10, QChar('0')));
        }
        const CliRun run = runCli(args);
        [&] { QVERIFY2(run.exitCode == 0, run.err.constData()); }();
        return resultsOf(run);
    }

    QJsonArray video(const QString& name, const QStringList& extra = {}) {
        const CliRun run = runCli(
            QStringList{"classify", "--model", "default", "--video", file(name), "--json"} + extra);
        [&] { QVERIFY2(run.exitCode == 0, run.err.constData()); }();
        return resultsOf(run);
    }

    // A copy of `name` cut to `fraction` of its bytes, as an interrupted download leaves it.
    QString truncated(const QString& name, double fraction) {
        QFile in(file(name));
        [&] { QVERIFY(in.open(QIODevice::ReadOnly)); }();
        const QByteArray bytes = in.readAll();
        const QString out = file("cut-" + name);
        QFile cut(out);
        [&] { QVERIFY(cut.open(QIODevice::WriteOnly)); }();
        cut.write(bytes.left(int(bytes.size() * fraction)));
        return out;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const QString failure = runPythonFixture(
            "fashion_mnist_video.py",
            {"/usr/share/datasets/fashion-mnist", dir_.path(), QString::number(kFrames)});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void losslessVideoEqualsTheStillImages() {
        const QJsonArray frames = video("lossless.mkv");
        QCOMPARE(frames.size(), kFrames);
        compareFrames(frames, stills("images"), 1);
        // The images are the dataset's own: the shipped model mostly gets them right.
        QFile labelsFile(file("labels.txt"));
        QVERIFY(labelsFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> labels = labelsFile.readAll().split('\n');
        int correct = 0;
        for (int i = 0; i < kFrames; ++i) {
            correct +=
                frames[i].toObject().value("top").toArray()[0].toObject().value("index").toInt() ==
                labels[i].toInt();
        }
        QVERIFY2(correct >= 34, qPrintable(QString::number(correct)));
    }

    void lossyVideoEqualsFfmpegsOwnFrames() {
        const QJsonArray frames = video("h264.mp4");
        QCOMPARE(frames.size(), kFrames);
        compareFrames(frames, stills("h264"), 1);
    }

    void everyNthFrame() {
        const QJsonArray frames = video("lossless.mkv", {"--every", "7"});
        QCOMPARE(frames.size(), 6);  // 0, 7, ..., 35
        compareFrames(frames, stills("images"), 7);
        const QJsonObject doc =
            QJsonDocument::fromJson(runCli({"classify", "--model", "default", "--video",
                                            file("lossless.mkv"), "--every", "7", "--json"})
                                        .out)
                .object()
                .value("video")
                .toObject();
        QCOMPARE(doc.value("every").toInt(), 7);
        QCOMPARE(doc.value("frames_read").toInt(), kFrames);
        QCOMPARE(doc.value("frames_per_second").toDouble(), kFramesPerSecond);
        QCOMPARE(doc.value("width").toInt(), 28);
    }

    void otherContainersGiveEveryFrameAndItsTime() {
        // Other containers and codecs: every frame, numbered and timed. Their lossy codecs
        // change the pixels, so classes are compared above, on the lossless and H.264 files.
        for (const QString name : {"faststart.mp4", "mpeg4.avi", "vp9.webm"}) {
            const QJsonArray frames = video(name);
            QCOMPARE(frames.size(), kFrames);
            for (int i = 0; i < kFrames; ++i) {
                QCOMPARE(frames[i].toObject().value("frame").toInt(), i);
                QVERIFY(std::abs(frames[i].toObject().value("time_s").toDouble() -
                                 i / kFramesPerSecond) < 1e-6);
            }
        }
    }

    void textOutputNamesFrameAndTime() {
        const CliRun run = runCli(
            {"classify", "--model", "default", "--video", file("lossless.mkv"), "--every", "20"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("lossless.mkv frame 0 at 0.000 s"));
        QVERIFY(run.out.contains("lossless.mkv frame 20 at 0.800 s"));
        QVERIFY(!run.out.contains("frame 1 at"));
    }

    void truncatedVideosFailWithOneLine_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("fraction");
        QTest::newRow("mkv") << "lossless.mkv" << 0.5;
        QTest::newRow("mp4 index at the end") << "h264.mp4" << 0.5;
        QTest::newRow("mp4 index first") << "faststart.mp4" << 0.6;
        QTest::newRow("avi") << "mpeg4.avi" << 0.5;
        QTest::newRow("webm") << "vp9.webm" << 0.5;
        QTest::newRow("header only") << "lossless.mkv" << 0.02;
    }
    void truncatedVideosFailWithOneLine() {
        QFETCH(QString, name);
        QFETCH(double, fraction);
        const QString cut = truncated(name, fraction);
        const CliRun run = runCli({"classify", "--model", "default", "--video", cut, "--json"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.out.isEmpty(), run.out.constData());  // no half of a result
        const QByteArray err = run.err.trimmed();
        QVERIFY2(!err.contains('\n'), err.constData());
        QVERIFY2(err.contains("truncated"), err.constData());
        QVERIFY2(err.contains(QFileInfo(cut).fileName().toUtf8()), err.constData());
    }

    void badFilesAndOptions() {
        QFile text(file("notes.mp4"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("these are my notes, not a video\n");
        text.close();
        QVERIFY(QDir().mkpath(file("folder.mp4")));
        struct Case {
            QStringList args;
            QByteArray says;
        };
        const QList<Case> cases{
            {{"--video", file("notes.mp4")}, "not a video"},
            {{"--video", file("missing.mp4")}, "no such file"},
            {{"--video", file("folder.mp4")}, "not a file"},
            {{"--video", file("lossless.mkv"), file("images/0000.png")}, "not both"},
            {{"--every", "3", file("images/0000.png")}, "--every needs --video"},
            {{"--video", file("lossless.mkv"), "--every", "0"}, "--every"},
            {{}, "--video"},
        };
        for (const Case& c : cases) {
            const CliRun run = runCli(QStringList{"classify", "--model", "default"} + c.args);
            QCOMPARE(run.exitCode, 2);  // bad usage or input (docs/cli.md)
            const QByteArray err = run.err.trimmed();
            QVERIFY2(!err.contains('\n') && err.contains(c.says),
                     qPrintable(c.args.join(' ') + ": " + err));
        }
    }
};

QTEST_GUILESS_MAIN(CliVideoTest)
#include "tst_cli_video.moc"
