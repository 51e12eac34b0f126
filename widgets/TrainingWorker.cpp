#include "widgets/TrainingWorker.h"

#include <torch/torch.h>

#include <mutex>

#include "imaging/DatasetLoading.h"
#include "model/BuiltinDatasets.h"
#include "model/DataSpec.h"
#include "model/DeviceSelection.h"
#include "model/InputError.h"
#include "model/ModelFile.h"
#include "model/RunControl.h"
#include "model/Trainer.h"

namespace reslens {
namespace {

DataSpec specOf(const TrainingRequest& request) {
    DataSpec spec;
    spec.split = Split::Train;
    switch (request.data) {
        case TrainingRequest::Data::FashionMnist:
            spec.kind = DataSpec::Kind::FashionMnist;
            spec.directory = request.directory.isEmpty() ? std::string(kFashionMnistDirectory)
                                                         : request.directory.toStdString();
            break;
        case TrainingRequest::Data::Cifar10:
            spec.kind = DataSpec::Kind::Cifar10;
            spec.directory = request.directory.toStdString();
            break;
        case TrainingRequest::Data::Folder:
            spec.kind = DataSpec::Kind::Folder;
            spec.directory = request.directory.toStdString();
            break;
    }
    if (spec.kind != DataSpec::Kind::FashionMnist && spec.directory.empty()) {
        throw InputError("choose the dataset's directory first");
    }
    return spec;
}

QString statusText(RunStatus status) {
    return QString::fromStdString(toString(status));
}

}  // namespace

struct TrainingWorker::State {
    // One control per run (a cancelled RunControl stays cancelled), swapped under its mutex.
    mutable std::mutex controlMutex;
    std::shared_ptr<RunControl> control = std::make_shared<RunControl>();
    std::shared_ptr<RunControl> currentControl() const {
        std::lock_guard<std::mutex> lock(controlMutex);
        return control;
    }

    mutable std::mutex mutex;  // guards everything below
    bool running = false;
    std::vector<ResNet> networks;
    std::vector<ModelMetadata> metadata;
};

TrainingWorker::TrainingWorker() : state_(std::make_unique<State>()) {}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::pause() {
    state_->currentControl()->pause();
}

void TrainingWorker::resume() {
    state_->currentControl()->resume();
}

void TrainingWorker::stop() {
    state_->currentControl()->cancel();
}

bool TrainingWorker::paused() const {
    return state_->currentControl()->paused();
}

QByteArray TrainingWorker::modelFile(int run, QString* error) const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    auto fail = [error](const QString& why) {
        if (error) {
            *error = why;
        }
        return QByteArray();
    };
    if (state_->running) {
        return fail(tr("the run is still in progress"));
    }
    if (run < 0 || run >= int(state_->networks.size())) {
        return fail(tr("there is no trained network yet"));
    }
    try {
        // Serialised from the CPU so the file opens anywhere.
        ResNet network = state_->networks[size_t(run)];
        network->to(torch::kCPU);
        const std::vector<char> bytes = serializeModel(*network, state_->metadata[size_t(run)]);
        return QByteArray(bytes.data(), qsizetype(bytes.size()));
    } catch (const std::exception& e) {
        return fail(QString::fromUtf8(e.what()));
    }
}

void TrainingWorker::start(const TrainingRequest& request) {
    // A fresh control: a stop() aimed at the previous run must not cancel this one.
    const auto control = std::make_shared<RunControl>();
    {
        std::lock_guard<std::mutex> lock(state_->controlMutex);
        state_->control = control;
    }
    try {
        const DataSpec spec = specOf(request);
        ResNetConfig config = request.config;
        config.batchNorm = request.batchNorm;
        if (request.compare) {
            config.skip = true;  // the pair is always the residual network and its plain twin
        }
        Dataset data = loadDataset(
            spec,
            Preprocessing::forInput(config.inChannels, config.inputHeight, config.inputWidth));
        if (request.subset > 0 && request.subset < data.size()) {
            data.images = data.images.narrow(0, 0, request.subset);
            data.labels = data.labels.narrow(0, 0, request.subset);
        }
        config.inChannels = data.channels();
        config.inputHeight = data.height();
        config.inputWidth = data.width();
        config.classes = data.classes();
        config.arch = config.canonicalName();
        config.validate();
        const Preprocessing preprocessing =
            preprocessingFor(spec, config.inChannels, config.inputHeight, config.inputWidth);

        TrainingOptions options;
        options.steps = request.steps;
        options.batch = request.batch;
        options.learningRate = request.learningRate;
        options.schedule = LearningRateSchedule::Cosine;  // a short run ends on a low rate
        // Deep networks take the full rate badly in their first steps (He et al. 2015 warm
        // ResNet-110 up at 0.01): a linear warm-up over the first tenth of the run.
        options.warmupSteps = std::max<int64_t>(1, request.steps / 10);
        options.weightDecay = 5e-4;
        options.cropPadding = config.inputHeight <= 28 ? 2 : 4;
        options.seed = request.seed;
        options.mean = preprocessing.mean;
        options.std = preprocessing.std;
        options.validate();

        const torch::Device device = parseDevice(request.device.toStdString());
        torch::manual_seed(request.seed);
        std::vector<ResNet> networks{ResNet(config)};
        networks.front()->to(device);  // the twin follows its device
        if (request.compare) {
            networks.push_back(plainTwinOf(*networks.front()));
        }
        TrainingPlan plan;
        std::vector<ModelMetadata> metadata;
        for (const ResNet& network : networks) {
            plan.runs << QString::fromStdString(network->config().arch);
            ModelMetadata m;
            m.config = network->config();
            m.labels = data.classNames;
            m.preprocessing = preprocessing;
            m.provenance = {{"source", "ResLens training lab"},
                            {"dataset", data.name},
                            {"training_samples", data.size()},
                            {"steps", request.steps},
                            {"batch", request.batch},
                            {"learning_rate", request.learningRate},
                            {"seed", request.seed}};
            metadata.push_back(std::move(m));
        }
        for (const auto& block : networks.front()->blocks()) {
            plan.blocks << QString::fromStdString(block->info().name);
        }
        plan.totalSteps = options.totalSteps(data.size());
        plan.data = tr("%1 (%2 images)").arg(QString::fromStdString(data.name)).arg(data.size());
        {
            std::lock_guard<std::mutex> lock(state_->mutex);
            state_->running = true;
            state_->networks = networks;
            state_->metadata = metadata;
        }
        Q_EMIT started(plan);

        const std::vector<RunOutcome> outcomes = trainTogether(
            networks, data, options, control.get(), [this](size_t run, const StepReport& r) {
                StepUpdate update;
                update.run = int(run);
                update.step = r.step;
                update.loss = r.loss;
                update.accuracy = r.accuracy;
                update.learningRate = r.learningRate;
                update.blockNorms =
                    QVector<double>(r.blockGradientNorms.begin(), r.blockGradientNorms.end());
                update.outputNorms =
                    QVector<double>(r.outputGradientNorms.begin(), r.outputGradientNorms.end());
                Q_EMIT stepped(update);
            });
        {
            std::lock_guard<std::mutex> lock(state_->mutex);
            state_->running = false;
            for (size_t i = 0; i < outcomes.size(); ++i) {
                state_->metadata[i].provenance["status"] = toString(outcomes[i].status);
                state_->metadata[i].provenance["steps_done"] = outcomes[i].steps;
            }
        }
        for (size_t i = 0; i < outcomes.size(); ++i) {
            Q_EMIT runEnded(int(i), statusText(outcomes[i].status),
                            QString::fromStdString(outcomes[i].message));
        }
    } catch (const std::exception& e) {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->running = false;
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
    Q_EMIT finished();
}

}  // namespace reslens
