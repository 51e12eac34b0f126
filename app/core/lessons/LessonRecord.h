#pragma once

// What one lesson measured over its seeds: every number with its value per seed, median
// and range, and the sentences the lesson says for these results. `reslens-cli lessons
// --measure` writes a list of them as JSON (docs/cli.md); docs/lessons/measured.json is the
// reference machine's, which the app shows beside this machine's numbers.

#include <cstdint>
#include <string>
#include <vector>

#include "app/core/lessons/LessonSentence.h"
#include "app/core/lessons/SeedSpread.h"

namespace reslens {

struct LessonRecord {
    std::string lesson;           // its command-line name, e.g. "why-skips"
    std::string settings;         // what ran, e.g. "300 steps, batch 64, rate 0.05, ..."
    std::vector<uint64_t> seeds;  // empty for a lesson that neither trains nor samples
    std::vector<Quantity> quantities;
    std::vector<LessonSentence> sentences;
    bool complete = true;  // every run ended as planned (none stopped or failed)
    double seconds = 0;    // wall time of the measurement
    // CPU time the process spent on it, all threads (0: not recorded), and the cores it had:
    // a lesson whose runs leave a core idle (a network that diverged leaves its twin training
    // alone) takes less in the app, which runs the seeds side by side (estimatedSeconds).
    double cpuSeconds = 0;
    int cores = 0;

    // The time this lesson takes with `seeds` seeds run side by side on this record's cores:
    // at least one seed's wall time, and the CPU time of them all shared over the cores.
    double estimatedSeconds(int seeds) const;

    // nullptr when the lesson has no such number.
    const Quantity* quantity(const std::string& name) const;
};

// The document: {"lessons": [{"name", "settings", "seeds", "complete", "seconds",
// "cpu_seconds", "cores",
// "quantities": [{"name", "kind", "values", "median", "min", "max"}], "sentences": [...]}]}.
// NaN is written as null.
std::string lessonRecordsJson(const std::vector<LessonRecord>& records);
// Reads that document back; the sentences come back as their English text. Throws
// InputError for anything that is not such a document.
std::vector<LessonRecord> parseLessonRecords(const std::string& json);

}  // namespace reslens
