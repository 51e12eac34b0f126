#include "app/core/lessons/SeedMeasure.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/core/lessons/LessonMeasures.h"

namespace reslens {
namespace {

constexpr double kLastShare = 0.1;  // "the last 10% of the steps"

}  // namespace

double SeedMeasure::value(const std::string& name) const {
    const auto found = values.find(name);
    return found == values.end() ? std::numeric_limits<double>::quiet_NaN() : found->second;
}

int64_t lastTenth(int64_t steps) {
    return std::max<int64_t>(1, int64_t(std::ceil(kLastShare * double(steps))));
}

void measurePairedRun(SeedMeasure& measure, const std::string& run,
                      const std::vector<double>& losses, const std::vector<double>& firstNorms,
                      RunStatus status) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    measure.runs.push_back(run);
    const int64_t steps = int64_t(losses.size());
    measure.values[run + ".steps"] = double(steps);
    measure.values[run + ".firstOverLast"] = firstOverLast(firstNorms);
    measure.values[run + ".firstLoss"] = losses.empty() ? nan : losses.front();
    // A run that diverged or was stopped has no last tenth to compare.
    measure.values[run + ".lastLoss"] =
        status == RunStatus::Finished ? meanOfLast(losses, kLastShare) : nan;
    measure.values[run + ".peakOverFirst"] =
        losses.empty() || status != RunStatus::Finished
            ? nan
            : *std::max_element(losses.begin(), losses.end()) / losses.front();
    measure.values[run + ".diverged"] = status == RunStatus::Diverged ? 1 : 0;
    measure.values[run + ".divergedAt"] = status == RunStatus::Diverged ? double(steps + 1) : nan;
    if (status == RunStatus::Diverged) {
        measure.complete = false;
        measure.notes.push_back({QT_TRANSLATE_NOOP("LessonSentences", "%1 diverged at step %2."),
                                 {run, std::to_string(steps + 1)}});
    } else if (status == RunStatus::Cancelled) {
        measure.complete = false;
        measure.stopped = true;
        measure.notes.push_back(
            {QT_TRANSLATE_NOOP("LessonSentences", "%1 was stopped after %2 steps."),
             {run, std::to_string(steps)}});
    }
}

void measureLesion(SeedMeasure& measure, const NamedLesionStudy& study) {
    if (study.result.cancelled || study.result.blocks.empty()) {
        measure.complete = false;
        measure.stopped = study.result.cancelled;
        return;
    }
    const LesionSpread spread = lesionSpread(study.result);
    const std::string& name = study.arch;
    measure.runs.push_back(name);
    measure.values[name + ".whole"] = spread.baseline;
    measure.values[name + ".median"] = spread.median;
    measure.values[name + ".lowest"] = spread.lowest;
    measure.values[name + ".highest"] = spread.highest;
    measure.values[name + ".cost"] = spread.baseline - spread.median;
    measure.values[name + ".samples"] = double(study.result.samples);
}

void measureLandscape(SeedMeasure& measure, const NamedLandscape& slice) {
    if (slice.result.cancelled) {
        measure.complete = false;
        measure.stopped = true;
        return;
    }
    measure.runs.push_back(slice.arch);
    measure.values[slice.arch + ".below1"] = shareBelow(slice.result.loss, 1.0);
    measure.values[slice.arch + ".samples"] = double(slice.result.samples);
}

void measureGradientLine(SeedMeasure& measure, const GradientLineResult& line) {
    if (line.cancelled) {
        measure.complete = false;
        measure.stopped = true;
        return;
    }
    measure.runs.push_back(line.arch);
    measure.values[line.arch + ".trainedLag"] = double(line.model.lag);
    measure.values[line.arch + ".freshLag"] = double(line.fresh.lag);
    measure.values[line.arch + ".points"] = double(line.t.size());
}

void measureBottleneck(SeedMeasure& measure, const BlockAccount& block) {
    const double conv = double(block.convParams);
    const double basic = double(block.basicEquivalentParams.value_or(0));
    const double pixels = double(block.outputShape[1]) * double(block.outputShape[2]);
    measure.values["bottleneck.params"] = conv;
    measure.values["basic.params"] = basic;
    measure.values["basic.overBottleneck"] = basic / conv;
    measure.values["bottleneck.macs"] = double(block.macs);
    measure.values["basic.macs"] = basic * pixels;
    measure.values["output.height"] = double(block.outputShape[1]);
    measure.values["output.width"] = double(block.outputShape[2]);
}

void measureTurningClip(SeedMeasure& measure, const TurningClip& clip,
                        const std::vector<int64_t>& top1) {
    static const std::map<std::string, std::string> kNames = {{"face-on", "watch.faceOn"},
                                                              {"edge-on", "watch.edgeOn"},
                                                              {"sideways", "watch.sideways"},
                                                              {"upside-down", "watch.upsideDown"}};
    for (const PoseAccuracy& pose : accuracyByPose(clip, top1)) {
        measure.values[kNames.at(pose.pose)] = pose.share;
    }
    measure.values["watch.frames"] = double(top1.size());
    if (top1.size() < clip.frames.size()) {
        measure.complete = false;
        measure.stopped = true;
    }
}

}  // namespace reslens
