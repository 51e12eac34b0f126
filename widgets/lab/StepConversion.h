#pragma once

// One training step between the application layer's StepReport (std types) and the lab's
// StepUpdate (Qt types): as the worker reports it live and as a saved run stores it.

#include "model/training/StepReport.h"
#include "widgets/lab/TrainingTypes.h"

namespace reslens {

StepUpdate toStepUpdate(int run, const StepReport& report);
StepReport toStepReport(const StepUpdate& update, qint64 totalSteps);

}  // namespace reslens
