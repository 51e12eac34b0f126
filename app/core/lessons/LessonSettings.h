#pragma once

// How much each lesson measures: the lab's recipe and length for the paired runs, the
// images of the lesion study, the landscape's grid. The reference settings are the app's
// and the docs' (docs/user-guide.md, *Lessons*); the short version is the tests'.

#include <cstdint>
#include <string>

#include "app/core/lessons/LessonId.h"
#include "app/core/studies/LandscapeTypes.h"
#include "app/core/studies/LesionTypes.h"

namespace reslens {

struct LessonSettings {
    int64_t steps = 300;             // why skips, without batch norm
    int64_t degradationSteps = 300;  // each of the degradation lesson's two pairs
    int batch = 64;
    double learningRate = 0.05;   // the lab's 0.1 x 64/128 (Goyal et al. 2017)
    int64_t lesionImages = 1000;  // drawn from the test split, another sample each seed
    int landscapePoints = 11;     // per axis
    int landscapeImages = 300;    // the first N training images
    double landscapeRange = 1.0;

    static LessonSettings reference();
    // Fewer steps and images, the same set-up: the tests' version.
    static LessonSettings shortVersion();

    // The landscape lesson's 2-D slice and the lesion lesson's study for one seed (its
    // directions, its draw of test images), the same in the app and headless.
    LandscapeOptions landscapeOptions(uint64_t seed) const;
    LesionOptions lesionOptions(uint64_t seed) const;

    // What the lesson runs, in words, e.g. "resnet56 beside plain56, 300 steps, batch 64,
    // rate 0.05, cosine, 30 warm-up steps, Fashion-MNIST".
    std::string describe(LessonId lesson) const;
};

}  // namespace reslens
