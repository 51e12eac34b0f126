// The desktop window's latency, measured in the real window (offscreen): from a drop of an
// image file to its predictions and the first feature grid on screen, and the longest the
// event loop went without running while that happened. tests/bench/gui_vs_torchvision.py
// runs it side by side with torchvision's bare forward.
//
// Usage: bench_gui_latency --arch resnet50 --image FILE [--threads N] [--drops N] [--json]

#include <QApplication>
#include <QCommandLineParser>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

#include "WindowTesting.h"
#include "app/cli/diagnostics/BenchTiming.h"
#include "model/network/ResNetConfig.h"
#include "widgets/explorer/DropZone.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/explorer/InputPanel.h"
#include "widgets/shell/MainWindow.h"

using namespace reslens;
using reslens::cli::median;
using reslens::testing::find;

namespace {

// Ticks every `interval` ms; the longest gap between ticks, less the interval, is how long
// the event loop was blocked.
class StallMonitor : public QObject {
public:
    explicit StallMonitor(int interval) {
        timer_.setInterval(interval);
        timer_.setTimerType(Qt::PreciseTimer);
        connect(&timer_, &QTimer::timeout, this, [this] {
            const double now = clock_.nsecsElapsed() / 1e6;
            worst_ = std::max(worst_, now - last_ - timer_.interval());
            last_ = now;
        });
    }
    void start() {
        clock_.start();
        last_ = 0;
        worst_ = 0;
        timer_.start();
    }
    double worstStallMs() const { return std::max(0.0, worst_); }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    double last_ = 0;
    double worst_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
    QTemporaryDir config;  // no user settings in the measurement
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption arch("arch", "architecture (fresh weights)", "name", "resnet50");
    QCommandLineOption image("image", "image file to drop", "file");
    QCommandLineOption threads("threads", "LibTorch threads", "n", "2");
    QCommandLineOption drops("drops", "timed drops", "n", "10");
    QCommandLineOption json("json", "print JSON");
    parser.addOptions({arch, image, threads, drops, json});
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(image)) {
        std::fprintf(stderr, "bench_gui_latency: --image is required\n");
        return 2;
    }

    MainWindow window;
    window.show();
    const ResNetConfig cfg = ResNetConfig::fromArchName(parser.value(arch).toStdString());
    StartupOptions options;
    options.model = ModelRequest::fresh(cfg);
    options.image = parser.value(image);
    options.threads = parser.value(threads).toInt();

    const int total = parser.value(drops).toInt();
    const int warmup = 2;
    std::vector<double> latencies;
    std::vector<double> stalls;
    StallMonitor monitor(5);
    QElapsedTimer clock;
    bool predicted = false;
    int dropped = 0;

    auto drop = [&] {
        predicted = false;
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(parser.value(image))});
        QDropEvent event(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        monitor.start();
        clock.start();
        // The widget's own handler, as a real drop reaches it (QApplication routes drops
        // only to the target of a drag in progress).
        static_cast<QObject*>(find<InputPanel>(window)->dropZone())->event(&event);
    };
    std::vector<double> toPredictions, toGrid;
    double predictedAt = 0, gridAt = 0;
    QObject::connect(find<ExplorerController>(window), &ExplorerController::predictionsShown, [&] {
        predicted = true;
        predictedAt = clock.nsecsElapsed() / 1e6;
    });
    QObject::connect(find<ExplorerController>(window), &ExplorerController::featureGridShown, [&] {
        if (!predicted) {
            return;  // a grid from before the drop's predictions
        }
        predicted = false;
        gridAt = clock.nsecsElapsed() / 1e6;
        // The grid is set; let the window paint it before stopping the clock.
        window.repaint();
        const double ms = clock.nsecsElapsed() / 1e6;
        if (dropped >= warmup) {
            latencies.push_back(ms);
            toPredictions.push_back(predictedAt);
            toGrid.push_back(gridAt);
            stalls.push_back(monitor.worstStallMs());
        }
        if (++dropped < warmup + total) {
            QTimer::singleShot(50, drop);
        } else {
            QCoreApplication::quit();
        }
    });
    // The start-up classification of the image is the first "drop".
    QObject::connect(find<ExplorerController>(window), &ExplorerController::modelShown, [&] {
        monitor.start();
        clock.start();
    });
    QObject::connect(&window, &MainWindow::errorShown, [&](const QString& message) {
        std::fprintf(stderr, "bench_gui_latency: %s\n", qPrintable(message));
        QCoreApplication::exit(1);
    });
    window.start(options);
    const int rc = app.exec();
    if (rc != 0) {
        return rc;
    }

    const double worst = stalls.empty() ? 0 : *std::max_element(stalls.begin(), stalls.end());
    if (parser.isSet(json)) {
        QJsonArray l, s;
        for (double v : latencies)
            l.append(v);
        for (double v : stalls)
            s.append(v);
        const QJsonObject doc{{"arch", QString::fromStdString(cfg.arch)},
                              {"drop_to_grid_ms", l},
                              {"drop_to_grid_median_ms", median(latencies)},
                              {"drop_to_predictions_median_ms", median(toPredictions)},
                              {"drop_to_grid_set_median_ms", median(toGrid)},
                              {"event_loop_stall_ms", s},
                              {"worst_event_loop_stall_ms", worst}};
        std::printf("%s\n", QJsonDocument(doc).toJson(QJsonDocument::Compact).constData());
    } else {
        std::printf("drop -> predictions + first grid: median %.1f ms over %zu drops\n",
                    median(latencies), latencies.size());
        std::printf("  of which: predictions shown at %.1f ms, grid set at %.1f ms\n",
                    median(toPredictions), median(toGrid));
        std::printf("longest event-loop stall: %.1f ms\n", worst);
    }
    return 0;
}
