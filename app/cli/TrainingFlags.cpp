#include "app/cli/TrainingFlags.h"

#include "app/cli/DatasetSource.h"
#include "app/cli/UsageError.h"
#include "model/DatasetFromSpec.h"
#include "model/InputError.h"

namespace reslens::cli {

void TrainingFlags::addTo(CLI::App& command, bool stepsRequired) {
    architecture_.addTo(command);
    command
        .add_option("--data", data_,
                    "fashion-mnist[:DIR][:train|test], cifar10:DIR[:train|test] or folder:DIR")
        ->required();
    auto* steps = command.add_option("--steps", steps_, "optimiser steps")
                      ->check(CLI::Range(int64_t(1), int64_t(100'000'000)));
    if (stepsRequired) {
        steps->required();
    } else {
        command.add_option("--epochs", epochs_, "passes over the training data")
            ->check(CLI::Range(0.001, 10000.0))
            ->excludes(steps);
    }
    command.add_option("--batch", batch_, "images per step")
        ->check(CLI::Range(1, 65536))
        ->capture_default_str();
    command.add_option("--lr", lr_, "learning rate")->capture_default_str();
    command.add_option("--momentum", momentum_, "SGD momentum")->capture_default_str();
    command.add_option("--weight-decay", weightDecay_, "L2 weight decay")->capture_default_str();
    command
        .add_option("--schedule", schedule_,
                    "step (/10 at 50% and 75%, He et al.), cosine or constant")
        ->check(CLI::IsMember({"step", "cosine", "constant"}))
        ->capture_default_str();
    command.add_option("--warmup", warmup_, "linear warm-up steps")->check(CLI::Range(0, 1000000));
    command
        .add_option("--crop-padding", cropPadding_,
                    "random crops from this much zero padding (default 4; 2 for 28x28)")
        ->check(CLI::Range(0, 64));
    command.add_flag("--no-augment", noAugment_, "no random crops, no flips");
    command.add_flag("--no-flip", noFlip_, "no horizontal flips");
    command.add_option("--seed", seed_, "seed for weights, batch order and augmentation")
        ->capture_default_str();
    command.add_option("--device", device_, "cpu, cuda or cuda:N")->capture_default_str();
}

DataSpec TrainingFlags::dataSpec() const {
    return DataSpec::parse(data_);
}

Dataset TrainingFlags::loadTrainingData() const {
    const ResNetConfig config = architecture_.toConfig();
    DataSpec spec = dataSpec();
    return loadData(spec, preprocessing(config));
}

std::optional<Dataset> TrainingFlags::loadTestData() const {
    const DataSpec spec = dataSpec();
    if (spec.kind == DataSpec::Kind::Folder || (spec.splitGiven && spec.split == Split::Test)) {
        return std::nullopt;
    }
    return loadData(spec.withSplit(Split::Test), preprocessing(architecture_.toConfig()));
}

ResNetConfig TrainingFlags::networkFor(const Dataset& data) const {
    ResNetConfig config = architecture_.toConfig();
    auto fit = [](int& value, bool given, int fromData, const char* flag) {
        if (given && value != fromData) {
            throw UsageError(std::string(flag) + " " + std::to_string(value) +
                             " does not match the data (" + std::to_string(fromData) + ")");
        }
        value = fromData;
    };
    fit(config.inChannels, architecture_.inChannelsGiven(), data.channels(), "--in-channels");
    fit(config.classes, architecture_.classesGiven(), data.classes(), "--classes");
    fit(config.inputHeight, architecture_.inputGiven(), data.height(), "--input height");
    fit(config.inputWidth, architecture_.inputGiven(), data.width(), "--input width");
    try {
        config.validate();
    } catch (const ConfigError& e) {
        throw UsageError(e.what());
    }
    return config;
}

Preprocessing TrainingFlags::preprocessing(const ResNetConfig& config) const {
    return preprocessingFor(dataSpec(), config.inChannels, config.inputHeight, config.inputWidth);
}

TrainingOptions TrainingFlags::options(const Preprocessing& preprocessing) const {
    TrainingOptions o;
    o.steps = steps_;
    o.epochs = epochs_ > 0 ? epochs_ : 1;
    o.batch = batch_;
    o.learningRate = lr_;
    o.momentum = momentum_;
    o.weightDecay = weightDecay_;
    o.schedule = parseSchedule(schedule_);
    o.warmupSteps = warmup_;
    o.augment = !noAugment_;
    o.cropPadding = cropPadding_ ? *cropPadding_ : (preprocessing.cropHeight <= 28 ? 2 : 4);
    o.horizontalFlip = !noFlip_;
    o.seed = seed_;
    o.mean = preprocessing.mean;
    o.std = preprocessing.std;
    try {
        o.validate();
    } catch (const InputError& e) {
        throw UsageError(e.what());
    }
    return o;
}

}  // namespace reslens::cli
