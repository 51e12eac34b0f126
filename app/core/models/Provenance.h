#pragma once

// Where a model's weights came from, as the JSON that model files carry. Built here and
// nowhere else, so that a file written by the app and one written by reslens-cli say the
// same things in the same words.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "model/training/RunStatus.h"

namespace reslens {

struct TrainingRecipe;

// Now, as ISO 8601 UTC: "2026-11-28T01:02:03Z".
std::string utcTimestamp();

nlohmann::json importProvenance(const std::string& file, bool architectureDetected,
                                const std::string& commandLine);
nlohmann::json freshProvenance();
// The recipe as trained: data, samples, total steps and every setting of the optimiser.
nlohmann::json trainingProvenance(const TrainingRecipe& recipe, const std::string& dataName,
                                  int64_t samples, int64_t totalSteps);
// After the run: how it ended, steps done, and (when known) the wall-clock seconds.
void recordOutcome(nlohmann::json& provenance, RunStatus status, int64_t stepsDone,
                   double seconds = -1);
void recordTestResult(nlohmann::json& provenance, const std::string& testData, double accuracy,
                      double loss);

// A few lines for a tooltip or a status line: dataset, accuracy, command, source, file.
std::string describeProvenance(const nlohmann::json& provenance);

}  // namespace reslens
