// measureEvidence (SeedMeasure.h): with imaging only, as Grad-CAM is.
#include "app/core/lessons/SeedMeasure.h"

namespace reslens {

void measureEvidence(SeedMeasure& measure, const CamTrace& trace) {
    measure.camSteps = trace.steps;
    measure.camClass = trace.classLabel;
    measure.values["cam.probability"] = trace.probability;
    for (const CamStep& step : trace.steps) {
        measure.values["cam." + step.target] = step.correlationWithLast;
    }
    measure.values["cam.settled"] = firstSettledStep(trace, 0.5);
}

}  // namespace reslens
