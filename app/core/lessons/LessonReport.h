#pragma once

// From what a lesson measured over its seeds to what it says: each number as its median
// and range over the seeds, and the sentences chosen by the evidence. A comparative
// sentence ("depth hurt the plain network more") is said only when weigh() (SeedSpread.h)
// finds it held in every seed beyond the other network's spread; otherwise the lesson says
// that these seeds did not settle it. No sentence gives a cause the lesson did not
// measure; a paper's explanation is cited as the paper's.

#include <vector>

#include "app/core/lessons/LessonId.h"
#include "app/core/lessons/LessonRecord.h"
#include "app/core/lessons/LessonSettings.h"
#include "app/core/lessons/SeedMeasure.h"

namespace reslens {

// `measures`: one per seed, in the seeds' order (one, with seed 0, for a lesson without
// seeds). The record's seconds are left for the caller.
LessonRecord reportLesson(LessonId lesson, const std::vector<SeedMeasure>& measures,
                          const LessonSettings& settings);

// A paired run's step 1 alone (its runs' ".firstOverLast"), said while the run goes on:
// the gradient's spread in this run. Nothing for fewer than two runs.
std::vector<LessonSentence> firstStepSentences(const SeedMeasure& measure);

}  // namespace reslens
