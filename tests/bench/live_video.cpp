// How fast the explorer follows a video (widgets/live), through the real window offscreen:
// the video played as fast as the network goes with a block's feature maps shown, frames per
// second over the run, and the mean time of each stage of a frame — decode (imaging's
// VideoReader alone over the same file), prepare, forward with the block probes, render (the
// worker's images and the selected block's grid), show (the window's panels set), paint (the
// window's repaints, timed as the event loop delivers them).
//
// Usage: bench_live_video (--model NAME | --arch NAME) --video FILE [--entry N] [--threads N]
//        [--json]
// --model opens a shipped model (default, deep, ...); --arch a fresh network (resnet50, ...).
// Not a test: docs/benchmarks.md quotes it.

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <optional>

#include "WindowTesting.h"
#include "imaging/VideoReader.h"
#include "model/network/ResNetConfig.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/live/LiveController.h"
#include "widgets/shell/MainWindow.h"

using namespace reslens;
using reslens::testing::find;

namespace {

// Times every event the application delivers to a top-level window's paint (UpdateRequest),
// which is where the window paints what the frame changed.
class PaintTimingApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override {
        if (event->type() != QEvent::UpdateRequest || !counting) {
            return QApplication::notify(receiver, event);
        }
        QElapsedTimer timer;
        timer.start();
        const bool handled = QApplication::notify(receiver, event);
        paintMilliseconds += timer.nsecsElapsed() / 1e6;
        return handled;
    }
    bool counting = false;
    double paintMilliseconds = 0;
};

double decodeMillisecondsPerFrame(const QString& path, int* frames) {
    VideoReader reader(path.toStdString());
    QElapsedTimer timer;
    timer.start();
    int n = 0;
    while (reader.next()) {
        ++n;
    }
    *frames = n;
    return n ? timer.nsecsElapsed() / 1e6 / n : 0;
}

}  // namespace

int main(int argc, char** argv) {
    QTemporaryDir config;  // no user settings in the measurement
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    PaintTimingApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption model("model", "shipped model", "name");
    QCommandLineOption arch("arch", "architecture with fresh weights", "name");
    QCommandLineOption video("video", "video file", "file");
    QCommandLineOption entry("entry", "the navigator entry whose feature maps are shown", "n", "1");
    QCommandLineOption threads("threads", "LibTorch threads", "n", "2");
    QCommandLineOption json("json", "print JSON");
    parser.addOptions({model, arch, video, entry, threads, json});
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(video) || parser.isSet(model) == parser.isSet(arch)) {
        std::fprintf(stderr, "bench_live_video: --video and one of --model, --arch\n");
        return 2;
    }
    int decodedFrames = 0;
    const double decodeMs = decodeMillisecondsPerFrame(parser.value(video), &decodedFrames);

    MainWindow window;
    window.resize(1500, 950);
    window.show();
    StartupOptions options;
    options.model =
        parser.isSet(model)
            ? ModelRequest::shipped(parser.value(model).toStdString())
            : ModelRequest::fresh(ResNetConfig::fromArchName(parser.value(arch).toStdString()));
    options.threads = parser.value(threads).toInt();
    ExplorerController* explorer = find<ExplorerController>(window);
    LiveController* live = find<LiveController>(window);

    struct Sums {
        int frames = 0;
        double prepare = 0, forward = 0, render = 0, show = 0;
    } sums;
    QElapsedTimer clock;
    double firstShown = -1, lastShown = 0;
    int started = 0;
    QObject::connect(explorer, &ExplorerController::frameShown,
                     [&](int, const FrameTiming& timing) {
                         if (!app.counting) {
                             return;
                         }
                         ++sums.frames;
                         sums.prepare += timing.prepareMilliseconds;
                         sums.forward += timing.forwardMilliseconds;
                         sums.render += timing.renderMilliseconds;
                         sums.show += timing.showMilliseconds;
                         const double now = clock.nsecsElapsed() / 1e9;
                         if (firstShown < 0) {
                             firstShown = now;
                             app.paintMilliseconds = 0;  // from the first frame on
                         }
                         lastShown = now;
                     });
    QObject::connect(explorer, &ExplorerController::predictionsShown, [&] {
        if (started++ == 0) {  // the start-up image: the model is open
            explorer->selectEntry(parser.value(entry).toInt());
            QTimer::singleShot(500, [&] {
                live->setAsFastAsNetwork(true);
                app.counting = true;
                clock.start();
                live->openVideo(parser.value(video));
            });
        }
    });
    QObject::connect(live, &LiveController::videoEnded,
                     [&] { QTimer::singleShot(300, &app, &QCoreApplication::quit); });
    QObject::connect(live, &LiveController::errorOccurred, [&](const QString& message) {
        std::fprintf(stderr, "bench_live_video: %s\n", qPrintable(message));
        QCoreApplication::exit(1);
    });
    const QString failure = window.start(options);
    if (!failure.isEmpty()) {
        std::fprintf(stderr, "bench_live_video: %s\n", qPrintable(failure));
        return 1;
    }
    const int code = app.exec();
    if (code != 0 || sums.frames < 2) {
        return code ? code : 1;
    }
    const int n = sums.frames;
    // Frames per second between the first frame on screen and the last.
    const double fps = (n - 1) / (lastShown - firstShown);
    const double paint = app.paintMilliseconds / n;
    const QString name = parser.isSet(model) ? parser.value(model) : parser.value(arch);
    if (parser.isSet(json)) {
        std::printf(
            "{\"model\": \"%s\", \"video\": \"%s\", \"frames\": %d, \"decoded\": %d, "
            "\"frames_per_second\": %.2f, \"decode_ms\": %.3f, \"prepare_ms\": %.3f, "
            "\"forward_ms\": %.3f, \"render_ms\": %.3f, \"show_ms\": %.3f, \"paint_ms\": %.3f}\n",
            qPrintable(name), qPrintable(parser.value(video)), n, decodedFrames, fps, decodeMs,
            sums.prepare / n, sums.forward / n, sums.render / n, sums.show / n, paint);
    } else {
        std::printf("%s on %s: %d frames shown, %.1f frames/s\n", qPrintable(name),
                    qPrintable(parser.value(video)), n, fps);
        std::printf(
            "  decode %.2f  prepare %.2f  forward %.2f  render %.2f  show %.2f  paint "
            "%.2f ms a frame\n",
            decodeMs, sums.prepare / n, sums.forward / n, sums.render / n, sums.show / n, paint);
    }
    return 0;
}
