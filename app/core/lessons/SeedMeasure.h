#pragma once

// What one seed of a lesson measured, as named numbers: the raw results (a paired run's
// losses and step-1 norms, a lesion study, a landscape slice) reduced to what the lesson
// states. The app reduces the run it shows with the same functions as the headless
// measurement of the other seeds (LessonExperiment.h), so both say the same.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/core/explorer/GradCamTrace.h"
#include "app/core/instruments/GradientLineTypes.h"
#include "app/core/lessons/LessonSentence.h"
#include "app/core/lessons/TurningClip.h"
#include "app/core/studies/LandscapeRequest.h"
#include "app/core/studies/LesionTypes.h"
#include "model/network/ArchitectureSummary.h"
#include "model/training/RunStatus.h"

namespace reslens {

struct SeedMeasure {
    uint64_t seed = 0;
    std::map<std::string, double> values;  // e.g. "plain56.lastLoss"
    bool complete = true;                  // every run ended as planned
    bool stopped = false;                  // a run or study was stopped (cancelled) midway
    std::vector<LessonSentence> notes;     // why not: "resnet56 diverged at step 2."
    std::vector<std::string> runs;         // the paired runs' names, in order
    std::vector<CamStep> camSteps;         // grad-cam: the trace's steps, for its sentence
    std::string camClass;                  // the class whose evidence the maps show

    // NaN when not measured.
    double value(const std::string& name) const;
};

// The last tenth of a run: the steps the lessons average the loss over.
int64_t lastTenth(int64_t steps);

// A paired run's network `run` (e.g. "plain56"): its batch losses in step order, its step-1
// per-block gradient norms, and how it ended. Adds "<run>.firstOverLast", ".firstLoss",
// ".lastLoss" (over the last tenth), ".peakOverFirst", ".steps" and ".diverged" (0 or 1),
// ".divergedAt" (the step that diverged).
void measurePairedRun(SeedMeasure& measure, const std::string& run,
                      const std::vector<double>& losses, const std::vector<double>& firstNorms,
                      RunStatus status);
// One network's lesion study: "<arch>.whole", ".median", ".lowest", ".highest", ".cost"
// (whole - median), ".samples". A cancelled study makes the measure incomplete.
void measureLesion(SeedMeasure& measure, const NamedLesionStudy& study);
// One slice: "<arch>.below1", the share of the map below loss 1.
void measureLandscape(SeedMeasure& measure, const NamedLandscape& slice);
void measureBottleneck(SeedMeasure& measure, const BlockAccount& block);
// "cam.probability", "cam.<target>" per step, "cam.settled" (firstSettledStep at 0.5).
// Defined with imaging only (EvidenceMeasure.cpp), as Grad-CAM is.
void measureEvidence(SeedMeasure& measure, const CamTrace& trace);
// One network's gradient line: "<arch>.trainedLag", "<arch>.freshLag" (the first lag at which
// the derivative's autocorrelation falls below 0.5), "<arch>.points". A cancelled line makes
// the measure incomplete.
void measureGradientLine(SeedMeasure& measure, const GradientLineResult& line);
// The turning clip classified frame by frame (`top1`, in frame order): "watch.faceOn",
// "watch.edgeOn", "watch.sideways", "watch.upsideDown" (the share of that pose's frames whose
// top-1 class is the product's) and "watch.frames". Fewer classes than the clip has frames
// (a stopped playback) make the measure incomplete.
void measureTurningClip(SeedMeasure& measure, const TurningClip& clip,
                        const std::vector<int64_t>& top1);

}  // namespace reslens
