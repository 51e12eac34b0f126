// The training engine: reported per-block gradient norms equal norms computed straight from
// .grad() and from the gradients at block outputs; paired runs start from the same weights
// and see the same batches; at initialisation plain56's gradient norms spread over a far
// wider range than resnet56's; an absurd learning rate ends in a clear divergence message;
// pause, resume and cancel work from another thread; runs are reproducible.

#include <QtTest/QtTest>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/torch.h>

#include "model/files/StateDict.h"
#include "model/training/BatchSampler.h"
#include "model/training/PairedSteps.h"
#include "model/training/Trainer.h"
#include "model/training/TrainingSession.h"
#endif

using namespace reslens;

namespace {

ResNetConfig smallConfig(const std::string& arch) {
    ResNetConfig config = ResNetConfig::fromArchName(arch);
    config.inChannels = 1;
    config.inputHeight = config.inputWidth = 16;
    return config;
}

// Random images with a learnable signal: the label sets the brightness of a square.
Dataset syntheticData(int64_t n, int size = 16, uint64_t seed = 3) {
    torch::manual_seed(seed);
    Dataset data;
    data.labels = torch::randint(0, 10, {n}, torch::kLong);
    data.images = torch::randint(0, 60, {n, 1, size, size}, torch::kUInt8);
    for (int64_t i = 0; i < n; ++i) {
        data.images[i][0].narrow(0, 4, 8).narrow(1, 4, 8).fill_(20 *
                                                                data.labels[i].item<int64_t>());
    }
    data.classNames.assign(10, "c");
    data.name = "synthetic";
    return data;
}

TrainingOptions options(int64_t steps, int batch = 16) {
    TrainingOptions o;
    o.steps = steps;
    o.batch = batch;
    o.learningRate = 0.05;
    o.mean = {0.2};
    o.std = {0.3};
    o.seed = 11;
    return o;
}

double spread(const std::vector<double>& norms) {
    const auto [low, high] = std::minmax_element(norms.begin(), norms.end());
    return *high / *low;
}

bool sameWeights(const ResNetImpl& a, const ResNetImpl& b) {
    const TensorMap x = stateDict(a), y = stateDict(b);
    for (const auto& [name, tensor] : x) {
        if (!torch::equal(tensor, y.at(name))) {
            return false;
        }
    }
    return x.size() == y.size();
}

}  // namespace

class TrainingTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void reportedGradientNormsEqualDirectOnes() {
        const Dataset data = syntheticData(64);
        torch::manual_seed(1);
        ResNet network(smallConfig("resnet20"));
        ResNet reference(smallConfig("resnet20"));
        loadStateDict(*reference, stateDict(*network), "copy", "resnet20");

        const TrainingOptions o = options(1);
        BatchSampler sampler(data, o);
        const Batch batch = sampler.next();
        TrainingSession session(network, o, 1);
        const StepReport report = session.step(batch);

        // The same forward and backward by hand, on the copy: parameter gradients from
        // .grad(), output gradients from retain_grad() on each block's output.
        std::vector<torch::Tensor> outputs;
        std::vector<HookHandle> hooks;
        for (const auto& block : reference->blocks()) {
            hooks.push_back(block->registerForwardHook([&](const BlockTrace& trace) {
                trace.output.retain_grad();
                outputs.push_back(trace.output);
            }));
        }
        reference->train();
        torch::cross_entropy_loss(reference->forward(batch.inputs), batch.labels).backward();
        const auto& blocks = reference->blocks();
        QCOMPARE(report.blockGradientNorms.size(), blocks.size());
        for (size_t i = 0; i < blocks.size(); ++i) {
            double squares = 0;
            for (const torch::Tensor& p : blocks[i]->parameters()) {
                squares += p.grad().pow(2).sum().item<double>();
            }
            const double direct = std::sqrt(squares);
            QVERIFY2(std::abs(report.blockGradientNorms[i] - direct) <= 1e-5 * direct,
                     qPrintable(QString("block %1: %2 vs %3")
                                    .arg(i)
                                    .arg(report.blockGradientNorms[i])
                                    .arg(direct)));
            const double output = outputs[i].grad().norm().item<double>();
            QVERIFY2(std::abs(report.outputGradientNorms[i] - output) <= 1e-5 * output,
                     qPrintable(QString("output %1: %2 vs %3")
                                    .arg(i)
                                    .arg(report.outputGradientNorms[i])
                                    .arg(output)));
        }
    }

    void plainNetworksSpreadTheirGradientsFarWider() {
        // One batch at initialisation: the property the compare view exists to show.
        const Dataset data = syntheticData(32);
        TrainingOptions o = options(1, 32);
        o.augment = false;
        torch::manual_seed(5);
        ResNet residual(smallConfig("resnet56"));
        ResNet plain = plainTwinOf(*residual);
        std::vector<StepReport> reports(2);
        trainTogether({residual, plain}, data, o, nullptr,
                      [&](size_t run, const StepReport& r) { reports[run] = r; });
        const double residualSpread = spread(reports[0].blockGradientNorms);
        const double plainSpread = spread(reports[1].blockGradientNorms);
        QVERIFY2(
            plainSpread > 10 * residualSpread,
            qPrintable(
                QString("plain56 max/min %1, resnet56 %2").arg(plainSpread).arg(residualSpread)));
    }

    void pairedRunsShareWeightsAndBatches() {
        const Dataset data = syntheticData(80);
        torch::manual_seed(7);
        ResNet skip(smallConfig("resnet8"));
        ResNet noskip = plainTwinOf(*skip);
        QVERIFY(!noskip->config().skip);
        const TensorMap skipState = stateDict(*skip);
        for (const auto& [name, tensor] : stateDict(*noskip)) {
            QVERIFY2(torch::equal(tensor, skipState.at(name)), name.c_str());
        }
        // Solo runs from copies of the same starting weights, with the same sampler seed.
        ResNet skipSolo(smallConfig("resnet8"));
        loadStateDict(*skipSolo, stateDict(*skip), "copy", "resnet8");
        ResNet noskipSolo = plainTwinOf(*skip);

        TrainingOptions o = options(7);  // crosses an epoch boundary (80 / 16 = 5)
        // One after the other, so that the pair runs with the solo runs' thread count (the
        // concurrent pairing has its own test below).
        o.pairing = Pairing::Sequential;
        trainTogether({skip, noskip}, data, o, nullptr, nullptr);
        trainTogether({skipSolo}, data, o, nullptr, nullptr);
        trainTogether({noskipSolo}, data, o, nullptr, nullptr);
        // Each network of the pair ends exactly where it ends alone: both saw the batches
        // a solo run sees, in the same order, with the same augmentation.
        QVERIFY(sameWeights(*skip, *skipSolo));
        QVERIFY(sameWeights(*noskip, *noskipSolo));
        QVERIFY(!sameWeights(*skip, *noskip));
    }

    void concurrentPairEqualsSequentialPair() {
        // The same two networks stepped concurrently (one intra-op thread each, of two) and
        // one after the other with one thread: bit for bit the same weights and reports.
        const Dataset data = syntheticData(80);
        torch::manual_seed(12);
        ResNet skip(smallConfig("resnet20"));
        ResNet noskip = plainTwinOf(*skip);
        ResNet skipSequential(smallConfig("resnet20"));
        loadStateDict(*skipSequential, stateDict(*skip), "copy", "resnet20");
        ResNet noskipSequential = plainTwinOf(*skip);
        TrainingOptions o = options(6);
        const int threadsBefore = at::get_num_threads();

        std::vector<std::vector<StepReport>> sequential(2), concurrent(2);
        at::set_num_threads(1);
        o.pairing = Pairing::Sequential;
        trainTogether({skipSequential, noskipSequential}, data, o, nullptr,
                      [&](size_t run, const StepReport& r) { sequential[run].push_back(r); });

        at::set_num_threads(2);
        o.pairing = Pairing::Concurrent;
        std::vector<std::thread::id> callbackThreads;
        // Which thread each network's forwards ran on: the pair really ran apart.
        std::mutex threadsMutex;
        std::set<std::thread::id> skipThreads, noskipThreads;
        auto recordThread = [&](std::set<std::thread::id>& into) {
            return [&threadsMutex, &into](const BlockTrace&) {
                std::lock_guard<std::mutex> lock(threadsMutex);
                into.insert(std::this_thread::get_id());
            };
        };
        {
            const HookHandle skipHook = skip->blocks().front()->registerForwardHook(
                recordThread(skipThreads), TraceScope::InputAndOutput);
            const HookHandle noskipHook = noskip->blocks().front()->registerForwardHook(
                recordThread(noskipThreads), TraceScope::InputAndOutput);
            trainTogether({skip, noskip}, data, o, nullptr, [&](size_t run, const StepReport& r) {
                concurrent[run].push_back(r);
                callbackThreads.push_back(std::this_thread::get_id());
            });
        }
        QCOMPARE(skipThreads, std::set<std::thread::id>{std::this_thread::get_id()});
        QVERIFY(!noskipThreads.empty());  // (a helper per step; the system may reuse ids)
        QVERIFY(!noskipThreads.count(std::this_thread::get_id()));
        // The run gives the thread its count back, and reports on the caller's thread.
        QCOMPARE(at::get_num_threads(), 2);
        for (const auto& id : callbackThreads) {
            QCOMPARE(id, std::this_thread::get_id());
        }
        at::set_num_threads(threadsBefore);

        QVERIFY(sameWeights(*skip, *skipSequential));
        QVERIFY(sameWeights(*noskip, *noskipSequential));
        QVERIFY(!sameWeights(*skip, *noskip));
        for (size_t run = 0; run < 2; ++run) {
            QCOMPARE(concurrent[run].size(), size_t(6));
            QCOMPARE(sequential[run].size(), size_t(6));
            for (size_t i = 0; i < 6; ++i) {
                QCOMPARE(concurrent[run][i].loss, sequential[run][i].loss);
                QCOMPARE(concurrent[run][i].blockGradientNorms,
                         sequential[run][i].blockGradientNorms);
            }
        }
    }

    void concurrentPairingSplitsTheThreads() {
        torch::manual_seed(13);
        ResNet a(smallConfig("resnet8"));
        ResNet b = plainTwinOf(*a);
        TrainingOptions o = options(2);
        o.pairing = Pairing::Concurrent;
        std::vector<std::unique_ptr<TrainingSession>> sessions;
        sessions.push_back(std::make_unique<TrainingSession>(a, o, 2));
        sessions.push_back(std::make_unique<TrainingSession>(b, o, 2));
        const int threadsBefore = at::get_num_threads();
        at::set_num_threads(2);
        {
            PairedSteps steps(sessions, o);
            QVERIFY(steps.concurrent());
            QCOMPARE(at::get_num_threads(), 1);
        }
        QCOMPARE(at::get_num_threads(), 2);
        o.pairing = Pairing::Sequential;
        QVERIFY(!PairedSteps(sessions, o).concurrent());
        at::set_num_threads(1);  // nothing to share
        o.pairing = Pairing::Concurrent;
        QVERIFY(!PairedSteps(sessions, o).concurrent());
        at::set_num_threads(threadsBefore);
    }

    void channelsLastTrainsLikeNchw() {
        // Training runs in channels-last layout for speed; it must be the same arithmetic as
        // the standard layout up to float rounding, step after step.
        const Dataset data = syntheticData(64);
        torch::manual_seed(8);
        ResNet fast(smallConfig("resnet20"));
        ResNet standard(smallConfig("resnet20"));
        loadStateDict(*standard, stateDict(*fast), "copy", "resnet20");
        TrainingOptions nhwc = options(4), nchw = options(4);
        nchw.channelsLast = false;
        TrainingSession a(fast, nhwc, 4), b(standard, nchw, 4);
        // The first block's first convolution (16 -> 16 channels: the layouts differ).
        const torch::Tensor fastWeight = fast->parameters()[3];
        QCOMPARE(fastWeight.sizes(), torch::IntArrayRef({16, 16, 3, 3}));
        QVERIFY(fastWeight.is_contiguous(torch::MemoryFormat::ChannelsLast));
        QVERIFY(!fastWeight.is_contiguous());
        QVERIFY(standard->parameters()[3].is_contiguous());
        BatchSampler sampler(data, nhwc);
        for (int i = 0; i < 4; ++i) {
            const Batch batch = sampler.next();
            const StepReport x = a.step(batch), y = b.step(batch);
            // The first step differs by float rounding only; later ones also by the updates
            // that rounding fed, so the trajectories may drift apart a little.
            const double tolerance = i == 0 ? 1e-5 : 1e-3;
            QVERIFY2(std::abs(x.loss - y.loss) <= tolerance * std::abs(y.loss),
                     qPrintable(QString("step %1: %2 vs %3").arg(i).arg(x.loss).arg(y.loss)));
            for (size_t k = 0; i == 0 && k < y.blockGradientNorms.size(); ++k) {
                QVERIFY2(std::abs(x.blockGradientNorms[k] - y.blockGradientNorms[k]) <=
                             1e-4 * y.blockGradientNorms[k],
                         qPrintable(QString("block %1: %2 vs %3")
                                        .arg(k)
                                        .arg(x.blockGradientNorms[k], 0, 'g', 9)
                                        .arg(y.blockGradientNorms[k], 0, 'g', 9)));
            }
        }
        const TensorMap fastState = stateDict(*fast), standardState = stateDict(*standard);
        for (const auto& [name, tensor] : standardState) {
            QVERIFY2(torch::allclose(fastState.at(name), tensor, 1e-2, 1e-4), name.c_str());
        }
    }

    void samplerIsReproducibleAndCoversEveryImageEachEpoch() {
        const Dataset data = syntheticData(48);
        TrainingOptions o = options(1);
        BatchSampler a(data, o), b(data, o);
        std::vector<int64_t> seen;
        for (int i = 0; i < 3; ++i) {
            const Batch x = a.next(), y = b.next();
            QCOMPARE(x.indices, y.indices);
            QVERIFY(torch::equal(x.inputs, y.inputs));
            seen.insert(seen.end(), x.indices.begin(), x.indices.end());
        }
        std::sort(seen.begin(), seen.end());
        QCOMPARE(seen.size(), size_t(48));
        QVERIFY(std::unique(seen.begin(), seen.end()) == seen.end());
        o.seed = 12;
        BatchSampler c(data, o);
        QVERIFY(c.next().indices != BatchSampler(data, options(1)).next().indices);
    }

    void absurdLearningRateStopsOnDivergence() {
        const Dataset data = syntheticData(64);
        TrainingOptions o = options(40);
        o.learningRate = 1e8;
        torch::manual_seed(2);
        ResNet network(smallConfig("resnet8"));
        int reported = 0;
        const RunOutcome outcome = trainTogether({network}, data, o, nullptr,
                                                 [&](size_t, const StepReport&) { ++reported; })[0];
        QVERIFY(outcome.status == RunStatus::Diverged);
        QVERIFY2(QString::fromStdString(outcome.message).contains("diverged at step"),
                 outcome.message.c_str());
        QVERIFY(QString::fromStdString(outcome.message).contains("learning rate"));
        QVERIFY(outcome.steps < 40);
        QCOMPARE(int64_t(reported), outcome.steps);
        // Nothing non-finite was applied to the weights.
        for (const auto& [name, tensor] : stateDict(*network)) {
            if (tensor.is_floating_point()) {
                QVERIFY2(torch::isfinite(tensor).all().item<bool>(), name.c_str());
            }
        }
    }

    void pauseResumeAndCancelFromAnotherThread() {
        const Dataset data = syntheticData(64);
        torch::manual_seed(4);
        ResNet network(smallConfig("resnet8"));
        RunControl control;
        std::atomic<int> steps{0};
        RunOutcome outcome;
        std::thread worker([&] {
            outcome = trainTogether({network}, data, options(100000), &control,
                                    [&](size_t, const StepReport&) { ++steps; })[0];
        });
        auto waitFor = [&](int count) {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
            while (steps < count && std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
            return steps >= count;
        };
        QVERIFY(waitFor(2));
        control.pause();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let a running step end
        const int pausedAt = steps;
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        QCOMPARE(int(steps), pausedAt);  // no step while paused
        control.resume();
        QVERIFY(waitFor(pausedAt + 2));
        control.pause();
        control.cancel();  // also wakes a paused run
        worker.join();
        QVERIFY(outcome.status == RunStatus::Cancelled);
        QVERIFY(outcome.steps >= pausedAt + 2 && outcome.steps < 100000);
    }

    void schedulesFollowTheirDefinitions() {
        TrainingOptions o = options(100);
        o.learningRate = 0.1;
        QCOMPARE(o.learningRateAt(0, 100), 0.1);
        QCOMPARE(o.learningRateAt(49, 100), 0.1);
        QVERIFY(std::abs(o.learningRateAt(50, 100) - 0.01) < 1e-15);   // He et al.: /10 at 50%
        QVERIFY(std::abs(o.learningRateAt(75, 100) - 0.001) < 1e-15);  // and at 75%
        o.schedule = LearningRateSchedule::Cosine;
        QCOMPARE(o.learningRateAt(0, 100), 0.1);
        QVERIFY(std::abs(o.learningRateAt(50, 100) - 0.05) < 1e-12);
        o.warmupSteps = 10;
        QVERIFY(std::abs(o.learningRateAt(0, 100) - 0.1 * (0.1 + 0.9 * 0.1)) < 1e-12);
        QVERIFY(std::abs(o.learningRateAt(9, 100) - 0.1) < 1e-12);
        QCOMPARE(options(0).totalSteps(100), int64_t(7));  // one epoch of 16s: ceil(100/16)
    }
};

QTEST_GUILESS_MAIN(TrainingTest)
#include "tst_training.moc"
