#pragma once

// How much each lesson measures: the lab's recipe and length for the paired runs, the
// images of the lesion study, the landscape's grid. The reference settings are the app's
// and the docs' (docs/user-guide.md, *Lessons*); the short version is the tests'.

#include <cstdint>
#include <string>

#include "app/core/instruments/GradientLineTypes.h"
#include "app/core/lessons/LessonId.h"
#include "app/core/studies/LandscapeTypes.h"
#include "app/core/studies/LesionTypes.h"

namespace reslens {

struct LessonSettings {
    // A class's minutes on two cores, three seeds (docs/benchmarks.md, *Lessons over three
    // seeds*): 120 steps at batch 32 separate the plain network from the ResNet in every
    // seed (docs/lessons/measured.json) at a quarter of 300 steps at batch 64. Why skips and
    // degradation train the same resnet56 pair, so either reuses the other's
    // (PairedRunCache).
    int64_t steps = 120;             // why skips, without batch norm
    int64_t degradationSteps = 120;  // each of the degradation lesson's two pairs
    int batch = 32;
    double learningRate = 0.025;  // the lab's 0.1 x 32/128 (Goyal et al. 2017)
    int64_t lesionImages = 1000;  // drawn from the test split, another sample each seed
    int landscapePoints = 11;     // per axis
    // The first N training images: each of the 6 slices (2 models, 3 seeds) evaluates the
    // 121 points on them, so the lesson's time is proportional to N; 128 keeps three seeds
    // under 3 minutes on two cores, and a point's loss is a mean over 128 images.
    int landscapeImages = 128;
    double landscapeRange = 1.0;
    // Shattered gradients: points on the line (Balduzzi et al.'s effect shows at 256 in a few
    // seconds a network on two cores).
    int linePoints = 256;

    // Another batch for the paired runs, the learning rate scaled with it as the lab scales
    // it (0.1 x batch / 128).
    void setBatch(int newBatch);

    static LessonSettings reference();
    // Fewer steps and images, the same set-up: the tests' version.
    static LessonSettings shortVersion();

    // The landscape lesson's 2-D slice and the lesion lesson's study for one seed (its
    // directions, its draw of test images), the same in the app and headless.
    LandscapeOptions landscapeOptions(uint64_t seed) const;
    LesionOptions lesionOptions(uint64_t seed) const;
    // The shattered-gradients lesson's line for one seed: test image 0 of Fashion-MNIST, a
    // random direction, the fresh networks' initialisation and statistics all by the seed.
    GradientLineOptions gradientLineOptions(uint64_t seed) const;

    // What the lesson runs, in words, e.g. "resnet56 beside plain56, 300 steps, batch 64,
    // rate 0.05, cosine, 30 warm-up steps, Fashion-MNIST".
    std::string describe(LessonId lesson) const;
};

}  // namespace reslens
