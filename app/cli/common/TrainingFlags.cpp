#include "app/cli/common/TrainingFlags.h"

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

TrainingRecipe TrainingFlags::recipe(const std::string& source,
                                     const std::string& commandLine) const {
    TrainingRecipe r;
    r.architecture = architecture_.toConfig();
    r.inChannelsGiven = architecture_.inChannelsGiven();
    r.classesGiven = architecture_.classesGiven();
    r.inputGiven = architecture_.inputGiven();
    r.data = DataSpec::parse(data_);
    TrainingOptions& t = r.training;
    t.steps = steps_;
    t.epochs = epochs_ > 0 ? epochs_ : 1;
    t.batch = batch_;
    t.learningRate = lr_;
    t.momentum = momentum_;
    t.weightDecay = weightDecay_;
    t.schedule = parseSchedule(schedule_);
    t.warmupSteps = warmup_;
    t.augment = !noAugment_;
    t.horizontalFlip = !noFlip_;
    t.seed = seed_;
    r.cropPadding = cropPadding_;
    r.device = device_;
    r.source = source;
    r.commandLine = commandLine;
    return r;
}

}  // namespace reslens::cli
