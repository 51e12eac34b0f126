// The explorer fed live (widgets/live): a video written by ffmpeg from Fashion-MNIST test
// images (tests/fixtures/fashion_mnist_video.py) played through the window offscreen. As fast
// as the network goes, every frame is shown and each one's prediction equals reslens-cli
// classify --video's for that frame; at a rate the worker cannot keep up with, frames are
// dropped (newest wins) rather than queued; pause holds the frame, step shows the next one,
// a snapshot saves its pixels; a truncated video and a file that is not a video each give
// one message and leave the last frame on screen; with no camera, File ▸ Camera says so.

#include <QAction>
#include <QCameraDevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMediaDevices>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>
#include <QtTest/QtTest>

#include <cstring>
#include <memory>

#include "CliRunner.h"
#include "PythonFixture.h"
#include "WindowTesting.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/live/CameraSource.h"
#include "widgets/live/LiveBar.h"
#include "widgets/live/LiveController.h"
#include "widgets/shell/MainWindow.h"

using namespace reslens;
using reslens::testing::find;

namespace {

constexpr int kWaitMs = 300000;

}  // namespace

class LiveVideoTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    QList<int> cliTop1_;  // reslens-cli's top-1 class of every frame of lossless.mkv

    ExplorerController* explorer() { return find<ExplorerController>(*window_); }
    LiveController* live() { return find<LiveController>(*window_); }
    QString file(const QString& name) const { return dir_.filePath(name); }
    int shownTop1() { return explorer()->lastClassification().top.front().index; }

    // Plays `name` to its end, whose last frame is `last`; the frames shown, in order, with
    // the top-1 class of each.
    QList<QPair<qint64, int>> playToEnd(const QString& name, qint64 last) {
        QList<QPair<qint64, int>> shown;
        const auto connection =
            connect(live(), &LiveController::frameShown, this, [&](qint64 index) {
                shown.append({index, shownTop1()});
            });
        QSignalSpy ended(live(), &LiveController::videoEnded);
        live()->openVideo(file(name));
        [&] { QVERIFY(ended.wait(kWaitMs)); }();
        // The frames sent before the end are still on their way; the screen ends on the last.
        [&] { QTRY_COMPARE_WITH_TIMEOUT(live()->shownFrame(), last, kWaitMs); }();
        QTest::qWait(200);  // nothing comes after it
        disconnect(connection);
        return shown;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString failure = runPythonFixture(
            "fashion_mnist_video.py", {"/usr/share/datasets/fashion-mnist", dir_.path(), "40"});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // 200 frames a second: faster than the worker classifies and draws a frame.
        QDir(dir_.path()).mkdir("fast");
        const QString fast =
            runPythonFixture("fashion_mnist_video.py",
                             {"/usr/share/datasets/fashion-mnist", file("fast"), "120", "200"});
        QVERIFY2(fast.isEmpty(), qPrintable(fast));
        const CliRun run =
            runCli({"classify", "--model", "default", "--video", file("lossless.mkv"), "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        for (const QJsonValue& result :
             QJsonDocument::fromJson(run.out).object().value("results").toArray()) {
            cliTop1_.append(
                result.toObject().value("top").toArray()[0].toObject().value("index").toInt());
        }
        QCOMPARE(cliTop1_.size(), 40);

        window_ = std::make_unique<MainWindow>();
        window_->show();
        QSignalSpy shown(explorer(), &ExplorerController::predictionsShown);
        window_->start({});
        QVERIFY(shown.wait(kWaitMs));
        QVERIFY(!find<LiveBar>(*window_)->isVisible());  // nothing live yet
    }

    void asFastAsTheNetworkShowsEveryFrameAsTheCliClassifiesIt() {
        live()->setAsFastAsNetwork(true);
        const QList<QPair<qint64, int>> shown = playToEnd("lossless.mkv", 39);
        QCOMPARE(shown.size(), 40);
        for (int i = 0; i < shown.size(); ++i) {
            QCOMPARE(shown[i].first, qint64(i));
            QCOMPARE(shown[i].second, cliTop1_[i]);
        }
        QCOMPARE(live()->stats().dropped, qint64(0));
        QVERIFY(find<LiveBar>(*window_)->isVisible());
        QVERIFY(live()->stats().framesPerSecond > 0);
        QVERIFY(live()->stats().forwardMilliseconds > 0);
        QVERIFY(find<LiveBar>(*window_)->rateText().contains("frames/s"));
        live()->setAsFastAsNetwork(false);
    }

    void aFasterVideoDropsFramesInsteadOfQueueingThem() {
        // 120 frames at 200 a second: 0.6 s of video, more frames than the worker can do.
        const QList<QPair<qint64, int>> shown = playToEnd("fast/lossless.mkv", 119);
        const LiveStats& stats = live()->stats();
        QVERIFY2(stats.dropped > 0, qPrintable(QString::number(stats.dropped)));
        QVERIFY(shown.size() >= 2 && shown.size() < 120);
        QCOMPARE(qint64(shown.size()), stats.shown);
        QVERIFY(stats.shown + stats.dropped <= 120);
        for (int i = 1; i < shown.size(); ++i) {
            QVERIFY(shown[i].first > shown[i - 1].first);  // newest wins: never back in time
        }
        // Not queued: the screen ends on the video's last frame, not a backlog behind it.
        QCOMPARE(shown.back().first, qint64(119));
    }

    void pauseHoldsTheFrameAndStepShowsTheNext() {
        live()->openVideo(file("lossless.mkv"));
        QSignalSpy frames(live(), &LiveController::frameShown);
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() >= 3, kWaitMs);
        live()->setPlaying(false);
        QTest::qWait(300);  // a frame that was in the worker lands
        const qint64 held = live()->shownFrame();
        QTest::qWait(500);
        QCOMPARE(live()->shownFrame(), held);
        QVERIFY(held < 39);

        for (int k = 1; k <= 2; ++k) {
            QSignalSpy next(live(), &LiveController::frameShown);
            find<LiveBar>(*window_)->stepAction()->trigger();
            QVERIFY(next.wait(kWaitMs));
            QCOMPARE(live()->shownFrame(), held + k);
            QCOMPARE(shownTop1(), cliTop1_[int(held + k)]);
        }
        // Paused, the frame is a still image: the explorer's block list steps through it.
        QSignalSpy grid(explorer(), &ExplorerController::featureGridShown);
        explorer()->selectEntry(3);
        QVERIFY(grid.wait(kWaitMs));
        QCOMPARE(live()->shownFrame(), held + 2);

        // The snapshot holds the frame's own pixels: the image that went into the video.
        const QString path = live()->snapshot(file("snapshot.png"));
        QCOMPARE(path, file("snapshot.png"));
        const QImage saved = QImage(path).convertToFormat(QImage::Format_Grayscale8);
        const QImage original =
            QImage(file(QString("images/%1.png").arg(held + 2, 4, 10, QChar('0'))))
                .convertToFormat(QImage::Format_Grayscale8);
        QCOMPARE(saved, original);

        // A seek while paused shows that frame.
        QSignalSpy sought(live(), &LiveController::frameShown);
        live()->seek(30);
        QVERIFY(sought.wait(kWaitMs));
        QCOMPARE(live()->shownFrame(), qint64(30));
        QCOMPARE(shownTop1(), cliTop1_[30]);
    }

    // Next frame pressed mid-play: the frame after the one on screen, not one the decoder or
    // the worker still had under way.
    void stepWhilePlayingShowsTheNextFrame() {
        live()->setAsFastAsNetwork(true);
        live()->openVideo(file("lossless.mkv"));
        QSignalSpy frames(live(), &LiveController::frameShown);
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() >= 5, kWaitMs);
        const qint64 before = live()->shownFrame();
        live()->step();
        QVERIFY(!live()->playing());
        QTest::qWait(1000);  // whatever was under way lands
        QCOMPARE(live()->shownFrame(), before + 1);
        QCOMPARE(shownTop1(), cliTop1_[int(before + 1)]);
        // A seek while it plays: the frames shown after it start at the target.
        live()->setPlaying(true);
        QTRY_VERIFY_WITH_TIMEOUT(live()->shownFrame() > before + 2, kWaitMs);
        QSignalSpy after(live(), &LiveController::frameShown);
        live()->seek(2);
        QVERIFY(after.wait(kWaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(!live()->playing(), kWaitMs);  // played on to the end
        bool restarted = false;
        for (const QList<QVariant>& shown : after) {
            restarted = restarted || shown.first().toLongLong() == 2;
        }
        QVERIFY(restarted);
        live()->setAsFastAsNetwork(false);
    }

    void aTruncatedVideoStopsWithOneMessageAndKeepsItsLastFrame() {
        QFile in(file("lossless.mkv"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        QFile cut(file("cut.mkv"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() / 2));
        cut.close();
        live()->setAsFastAsNetwork(true);
        QSignalSpy errors(window_.get(), &MainWindow::errorShown);
        QSignalSpy frames(live(), &LiveController::frameShown);
        live()->openVideo(file("cut.mkv"));
        QVERIFY(errors.wait(kWaitMs));
        QTest::qWait(500);
        QCOMPARE(errors.count(), 1);
        QVERIFY2(errors.first().first().toString().contains("truncated"),
                 qPrintable(errors.first().first().toString()));
        QVERIFY(frames.count() > 5);
        QVERIFY(!live()->playing());
        const qint64 last = live()->shownFrame();
        QVERIFY(last > 5 && last < 39);
        QCOMPARE(shownTop1(), cliTop1_[int(last)]);
        live()->setAsFastAsNetwork(false);
    }

    void aFileThatIsNotAVideoChangesNothing() {
        const qint64 before = live()->shownFrame();
        QFile notes(file("notes.mp4"));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("these are my notes\n");
        notes.close();
        QSignalSpy errors(window_.get(), &MainWindow::errorShown);
        live()->openVideo(file("notes.mp4"));
        QVERIFY(errors.wait(kWaitMs));
        QVERIFY(errors.first().first().toString().contains("not a video"));
        QCOMPARE(live()->shownFrame(), before);
        QCOMPARE(live()->video().path, file("cut.mkv"));  // the video before it stays
    }

    // A camera's frames as Qt Multimedia delivers them (NV12, as many webcams send): only the
    // newest is kept, and it becomes an RGB image only when taken.
    void aCameraKeepsOnlyItsNewestFrame() {
        CameraSource camera;
        QSignalSpy available(&camera, &CameraSource::frameAvailable);
        QVERIFY(!camera.takeFrame());
        const auto nv12 = [](int gray) {
            QVideoFrame frame(QVideoFrameFormat(QSize(64, 48), QVideoFrameFormat::Format_NV12));
            [&] { QVERIFY(frame.map(QVideoFrame::WriteOnly)); }();
            std::memset(frame.bits(0), gray, size_t(frame.bytesPerLine(0)) * 48);
            std::memset(frame.bits(1), 128, size_t(frame.bytesPerLine(1)) * 24);  // no colour
            frame.unmap();
            return frame;
        };
        camera.sink()->setVideoFrame(nv12(60));
        camera.sink()->setVideoFrame(nv12(200));
        QCOMPARE(available.count(), 2);
        const std::optional<LiveFrame> taken = camera.takeFrame();
        QVERIFY(taken);
        QCOMPARE(taken->image.size(), QSize(64, 48));
        QCOMPARE(taken->image.format(), QImage::Format_RGB888);
        // The newest (luma 200), not the first; limited-range YUV to RGB: 255·(200−16)/219.
        const QColor pixel = taken->image.pixelColor(10, 10);
        QVERIFY2(std::abs(pixel.red() - 214) <= 3 && std::abs(pixel.green() - 214) <= 3 &&
                     std::abs(pixel.blue() - 214) <= 3,
                 qPrintable(pixel.name()));
        QVERIFY(!camera.takeFrame());  // taken once
    }

    void withoutACameraTheMenuSaysSo() {
        QMenu* camera = nullptr;
        for (QAction* action : window_->menuBar()->actions()) {
            if (action->menu()) {
                for (QAction* item : action->menu()->actions()) {
                    if (item->menu() && item->text().remove('&') == "Camera") {
                        camera = item->menu();
                    }
                }
            }
        }
        QVERIFY(camera);
        QVERIFY(QMediaDevices::videoInputs().isEmpty());  // this machine has none
        Q_EMIT camera->aboutToShow();
        QCOMPARE(camera->actions().size(), 1);
        QCOMPARE(camera->actions().first()->text(), QString("No camera found"));
        QVERIFY(!camera->actions().first()->isEnabled());
        QVERIFY(!camera->actions().first()->toolTip().isEmpty());

        // A camera that is gone (chosen, then unplugged before it starts): one message.
        QSignalSpy errors(window_.get(), &MainWindow::errorShown);
        live()->stop();
        live()->startCamera(QCameraDevice());
        QCOMPARE(errors.count(), 1);
        QCOMPARE(live()->source(), LiveController::Source::None);
    }
};

int main(int argc, char** argv) {
    return reslens::testing::runWithOwnSettings<LiveVideoTest>(argc, argv, "tst_live_video");
}

#include "tst_live_video.moc"
