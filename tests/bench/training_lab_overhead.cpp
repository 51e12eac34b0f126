// What the training lab's live charts cost a run: the same compare run (a network and its
// plain twin, lockstep, on the same batches) trained by the lab's worker with nothing
// drawn, and by the lab panel on screen (offscreen platform) redrawing its charts (at most
// 15 redraws a second in all), in alternating rounds. Prints steps per second of both, the
// ratio, how often each chart was redrawn, the window's thread's share of a core, the longest
// event-loop stall during the charted runs, and how much the process's resident memory grew over a
// charted run beside the size of the history it keeps (the charts hold no copy of it: M4Aggregate).
//
// Usage: bench_training_lab [--arch resnet20] [--steps 200] [--batch 4] [--rounds 3]
//                           [--threads N] [--json]
// (batch 4: steps arrive faster than the charts redraw, the demanding case;
// --threads: LibTorch's threads for the training, as the app's toolbar sets them; default
// one per core, like the app)

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

#include <QFile>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

#include "app/cli/diagnostics/BenchTiming.h"
#include "app/core/runtime/ComputeThreads.h"
#include "widgets/lab/TrainingLabPanel.h"
#include "widgets/lab/TrainingWorker.h"

using namespace reslens;
using reslens::cli::median;

namespace {

// Steps per second of run 0 between its first and last step (data loading excluded).
struct StepClock {
    QElapsedTimer clock;
    double first = -1, last = 0;
    qint64 steps = 0;
    void onStep(const StepUpdate& u) {
        if (u.run != 0) {
            return;
        }
        const double now = clock.nsecsElapsed() / 1e9;
        if (first < 0) {
            first = now;
        }
        last = now;
        ++steps;
    }
    double rate() const { return steps > 1 ? (steps - 1) / (last - first) : 0; }
};

TrainingRequest requestFor(const QString& arch, qint64 steps, int batch) {
    TrainingRequest r;
    r.config = ResNetConfig::fromArchName(arch.toStdString());
    r.steps = steps;
    r.batch = batch;
    r.subset = 4096;
    r.compare = true;
    return r;
}

double residentMiB();

struct HeadlessResult {
    double stepsPerSecond = 0;
    double memoryGrowthMiB = 0;  // from the first step to the end of the run
};

HeadlessResult headlessRun(const TrainingRequest& request) {
    QThread thread;
    auto* worker = new TrainingWorker;
    worker->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    thread.start();
    StepClock clock;
    clock.clock.start();
    QEventLoop loop;
    double residentAtStart = -1;
    QObject::connect(worker, &TrainingWorker::stepped, &loop, [&](const StepUpdate& u) {
        clock.onStep(u);
        if (residentAtStart < 0) {
            residentAtStart = residentMiB();
        }
    });
    QObject::connect(worker, &TrainingWorker::finished, &loop, &QEventLoop::quit);
    QMetaObject::invokeMethod(worker, [worker, request] { worker->start(request); });
    loop.exec();
    const double residentAtEnd = residentMiB();
    thread.quit();
    thread.wait();
    return {clock.rate(), residentAtEnd - residentAtStart};
}

// CPU seconds the calling thread has used (Linux): the window's thread's share of the cores.
double threadCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The process's resident memory, MiB (Linux).
double residentMiB() {
    QFile status("/proc/self/status");
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return 0;
}

// What the lab's history of a run holds: each step's record and its two vectors of norms.
double historyMiB(const TrainingLabPanel& lab) {
    double bytes = 0;
    const TrainingHistory& history = lab.history();
    for (int r = 0; r < history.runCount(); ++r) {
        for (const StepUpdate& u : history.steps(r)) {
            bytes += sizeof(StepUpdate) + 2 * 24 /* QVector headers */ +
                     double(u.blockNorms.size() + u.outputNorms.size()) * sizeof(double);
        }
    }
    return bytes / (1024.0 * 1024.0);
}

struct ChartedResult {
    double stepsPerSecond = 0;
    double refreshesPerSecond = 0;
    double worstStallMs = 0;
    double memoryGrowthMiB = 0;  // from the first step to the end of the run
    double historyMiB = 0;
    double guiCpuShare = 0;  // the window's thread's CPU seconds per second of the run
};

ChartedResult chartedRun(const QString& arch, qint64 steps, int batch) {
    TrainingLabPanel lab;
    lab.resize(1400, 800);
    lab.show();
    lab.setArchitecture(arch);
    lab.setSteps(steps);
    lab.setBatch(batch);
    lab.setSubset(4096);
    lab.setCompare(true);
    QObject* worker = lab.worker();
    StepClock clock;
    clock.clock.start();
    QObject::connect(static_cast<TrainingWorker*>(worker), &TrainingWorker::stepped, &lab,
                     [&](const StepUpdate& u) { clock.onStep(u); });
    // The event loop's longest gap, sampled by a 5 ms timer.
    QTimer monitor;
    monitor.setTimerType(Qt::PreciseTimer);
    monitor.setInterval(5);
    QElapsedTimer gap;
    double worst = 0;
    bool training = false;
    QObject::connect(&monitor, &QTimer::timeout, [&] {
        if (training) {
            worst = std::max(worst, gap.nsecsElapsed() / 1e6 - 5);
        }
        gap.start();
    });
    // From the first step to the last: setting the charts up and the summary at the end are
    // not "during the run".
    double residentAtStart = 0;
    double guiCpuAtStart = 0;
    QObject::connect(static_cast<TrainingWorker*>(worker), &TrainingWorker::stepped, &lab,
                     [&](const StepUpdate& u) {
                         if (!training && u.step == 1) {
                             training = true;
                             residentAtStart = residentMiB();
                             guiCpuAtStart = threadCpuSeconds();
                             gap.start();
                         }
                     });
    QObject::connect(static_cast<TrainingWorker*>(worker), &TrainingWorker::runEnded, &lab,
                     [&] { training = false; });
    gap.start();
    monitor.start();
    QEventLoop loop;
    QObject::connect(&lab, &TrainingLabPanel::runFinished, &loop, &QEventLoop::quit);
    lab.start();
    loop.exec();
    training = false;
    ChartedResult r;
    r.stepsPerSecond = clock.rate();
    r.refreshesPerSecond =
        clock.last > clock.first ? lab.chartRefreshes() / (clock.last - clock.first) : 0;
    r.worstStallMs = std::max(0.0, worst);
    r.memoryGrowthMiB = residentMiB() - residentAtStart;
    r.guiCpuShare = clock.last > clock.first
                        ? (threadCpuSeconds() - guiCpuAtStart) / (clock.last - clock.first)
                        : 0;
    r.historyMiB = historyMiB(lab);
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption arch("arch", "architecture (with its plain twin)", "name", "resnet20");
    QCommandLineOption steps("steps", "steps per run", "n", "200");
    QCommandLineOption batch("batch", "batch size", "n", "4");
    QCommandLineOption rounds("rounds", "alternating rounds", "n", "3");
    QCommandLineOption threads("threads", "LibTorch threads (0: one per core)", "n", "0");
    QCommandLineOption json("json", "print JSON");
    parser.addOptions({arch, steps, batch, rounds, threads, json});
    parser.addHelpOption();
    parser.process(app);
    ComputeThreads::request(parser.value(threads).toInt());

    const TrainingRequest request = requestFor(parser.value(arch), parser.value(steps).toLongLong(),
                                               parser.value(batch).toInt());
    std::vector<double> headless, charted, refreshes, stalls, growth, history, gui, headlessGrowth;
    for (int i = 0; i < parser.value(rounds).toInt(); ++i) {
        const HeadlessResult bare = headlessRun(request);
        headless.push_back(bare.stepsPerSecond);
        headlessGrowth.push_back(bare.memoryGrowthMiB);
        const ChartedResult r = chartedRun(parser.value(arch), request.steps, request.batch);
        charted.push_back(r.stepsPerSecond);
        refreshes.push_back(r.refreshesPerSecond);
        stalls.push_back(r.worstStallMs);
        growth.push_back(r.memoryGrowthMiB);
        if (!parser.isSet(json)) {
            std::printf("  round %d: headless %.2f, charted %.2f steps/s\n", i + 1, headless.back(),
                        r.stepsPerSecond);
            std::fflush(stdout);
        }
        history.push_back(r.historyMiB);
        gui.push_back(r.guiCpuShare);
    }
    const double h = median(headless), c = median(charted);
    const double worst = *std::max_element(stalls.begin(), stalls.end());
    if (parser.isSet(json)) {
        QJsonObject doc{{"arch", parser.value(arch)},
                        {"headless_steps_per_s", h},
                        {"charted_steps_per_s", c},
                        {"throughput_cost", 1.0 - c / h},
                        {"chart_updates_per_s", median(refreshes)},
                        {"worst_event_loop_stall_ms", worst},
                        {"memory_growth_mib", median(growth)},
                        {"headless_memory_growth_mib", median(headlessGrowth)},
                        {"history_mib", median(history)},
                        {"window_thread_cpu_share", median(gui)}};
        std::printf("%s\n", QJsonDocument(doc).toJson(QJsonDocument::Indented).constData());
    } else {
        std::printf("%s + its plain twin, batch %d, %lld steps, %d rounds, %d threads\n",
                    qPrintable(parser.value(arch)), request.batch,
                    static_cast<long long>(request.steps), parser.value(rounds).toInt(),
                    ComputeThreads::requested());
        std::printf("  headless worker       %7.2f steps/s\n", h);
        std::printf("  lab with live charts  %7.2f steps/s  (%.1f%% slower, target < 5%%)\n", c,
                    100.0 * (1.0 - c / h));
        std::printf("  each chart redrawn    %7.1f times a second (all four: at most 15)\n",
                    median(refreshes));
        std::printf("  longest event-loop stall %5.1f ms (target <= 50)\n", worst);
        std::printf("  the window's thread used %.0f%% of a core\n", 100.0 * median(gui));
        std::printf(
            "  resident memory grew %.1f MiB over a charted run (%.1f MiB over a headless "
            "one); its history holds %.1f MiB\n",
            median(growth), median(headlessGrowth), median(history));
    }
    return 0;
}
