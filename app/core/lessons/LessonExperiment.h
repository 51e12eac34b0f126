#pragma once

// A lesson's experiment without a window: the same runs the app's lesson starts (the lab's
// recipe through TrainingJob, the lesion study, the landscape slices, Grad-CAM of the
// photo), reduced by SeedMeasure.h and said by LessonReport.h. `reslens-cli lessons
// --measure` runs every seed here; the app runs here the seeds it does not show.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/core/lessons/LessonId.h"
#include "app/core/lessons/LessonRecord.h"
#include "app/core/lessons/LessonSettings.h"
#include "app/core/lessons/SeedMeasure.h"

namespace reslens {

class ResourceSource;

// What runs now ("seed 2: resnet56 beside plain56, step 120 of 300") and the fraction of
// this seed done. Return false to stop: the measure then comes back incomplete.
using LessonProgress = std::function<bool(const std::string& what, double fraction)>;

// The photo the Grad-CAM lesson explains, among the shipped resources.
constexpr const char* kEvidencePhoto = "samples/photos/7-sneaker-0788.jpg";

// One seed of the lesson (any seed for a lesson without seeds). Throws InputError when the
// data or a shipped model cannot be read.
SeedMeasure measureSeed(LessonId lesson, uint64_t seed, const LessonSettings& settings,
                        const ResourceSource& resources, const std::string& device,
                        const LessonProgress& progress);

// `count` seeds from `first` on, one after another (a lesson without seeds measures once),
// and what the lesson says of them, with the wall time.
LessonRecord measureLesson(LessonId lesson, uint64_t first, int count,
                           const LessonSettings& settings, const ResourceSource& resources,
                           const std::string& device, const LessonProgress& progress);

}  // namespace reslens
