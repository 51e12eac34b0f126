#pragma once

// How a small training run goes. The defaults are He et al. 2015's CIFAR recipe (§4.2):
// SGD, momentum 0.9, weight decay 1e-4, batch 128, learning rate 0.1 divided by 10 at 50%
// and 75% of the run, random crops from 4-pixel padding and horizontal flips.

#include <cstdint>
#include <string>
#include <vector>

namespace reslens {

enum class LearningRateSchedule { Constant, Step, Cosine };

// How the networks of a paired run share the CPU: one after the other, each step with every
// thread, or both at once, each on its half of the threads. Automatic chooses by the
// measurements in docs/benchmarks.md ("Paired runs"). The batches are the same either way,
// and so are the results, given the same threads per network.
enum class Pairing { Automatic, Sequential, Concurrent };

struct TrainingOptions {
    int64_t steps = 0;  // total optimiser steps; when 0, `epochs` decides
    double epochs = 1;
    int batch = 128;
    double learningRate = 0.1;
    double momentum = 0.9;
    double weightDecay = 1e-4;
    LearningRateSchedule schedule = LearningRateSchedule::Step;
    int64_t warmupSteps = 0;  // linear warm-up from lr/10
    bool augment = true;
    int cropPadding = 4;  // random crop from zero padding; 0: none
    bool horizontalFlip = true;
    uint64_t seed = 0;
    // Per-channel normalisation applied to [0, 1] pixels (the model's Preprocessing).
    std::vector<double> mean;
    std::vector<double> std;
    bool collectGradientNorms = true;
    // Train on NHWC ("channels last") activations: oneDNN's convolutions and batch norm run
    // faster on them (tests/bench/train_step_vs_pytorch.py measures both layouts). Results
    // agree with NCHW to float rounding; files are written in the standard layout either way.
    bool channelsLast = true;
    Pairing pairing = Pairing::Automatic;

    // Throws InputError for impossible values.
    void validate() const;
    // Steps for a dataset of `samples` images.
    int64_t totalSteps(int64_t samples) const;
    // The learning rate at `step` (0-based) of `total`.
    double learningRateAt(int64_t step, int64_t total) const;
};

LearningRateSchedule parseSchedule(const std::string& name);  // throws InputError
std::string toString(LearningRateSchedule schedule);

}  // namespace reslens
