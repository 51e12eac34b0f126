#include "app/core/models/Provenance.h"

#include <torch/version.h>

#include <ctime>

#include "app/core/training/TrainingRecipe.h"

namespace reslens {

std::string utcTimestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

nlohmann::json importProvenance(const std::string& file, bool architectureDetected,
                                const std::string& commandLine) {
    nlohmann::json provenance = {{"source", "torchvision import"},
                                 {"file", file},
                                 {"architecture_detected", architectureDetected},
                                 {"created", utcTimestamp()},
                                 {"torch", TORCH_VERSION}};
    if (!commandLine.empty()) {
        provenance["command"] = commandLine;
    }
    return provenance;
}

nlohmann::json freshProvenance() {
    return {{"source", "fresh weights"}};
}

nlohmann::json trainingProvenance(const TrainingRecipe& recipe, const std::string& dataName,
                                  int64_t samples, int64_t totalSteps) {
    nlohmann::json provenance = {{"source", recipe.source},
                                 {"dataset", dataName},
                                 {"training_samples", samples},
                                 {"steps", totalSteps},
                                 {"batch", recipe.training.batch},
                                 {"learning_rate", recipe.training.learningRate},
                                 {"schedule", toString(recipe.training.schedule)},
                                 {"momentum", recipe.training.momentum},
                                 {"weight_decay", recipe.training.weightDecay},
                                 {"augment", recipe.training.augment},
                                 {"seed", recipe.training.seed},
                                 {"device", recipe.device},
                                 {"torch", TORCH_VERSION}};
    if (!recipe.commandLine.empty()) {
        provenance["command"] = recipe.commandLine;
    }
    return provenance;
}

void recordOutcome(nlohmann::json& provenance, RunStatus status, int64_t stepsDone,
                   double seconds) {
    provenance["status"] = toString(status);
    provenance["steps_done"] = stepsDone;
    if (seconds >= 0) {
        provenance["train_seconds"] = seconds;
        provenance["created"] = utcTimestamp();
    }
}

void recordTestResult(nlohmann::json& provenance, const std::string& testData, double accuracy,
                      double loss) {
    provenance["test_dataset"] = testData;
    provenance["test_accuracy"] = accuracy;
    provenance["test_loss"] = loss;
}

std::string describeProvenance(const nlohmann::json& provenance) {
    std::string text;
    for (const char* key : {"dataset", "test_accuracy", "command", "source", "file"}) {
        if (provenance.contains(key)) {
            const nlohmann::json& value = provenance[key];
            text += (text.empty() ? "" : "\n") + std::string(key) + ": " +
                    (value.is_string() ? value.get<std::string>() : value.dump());
        }
    }
    return text;
}

}  // namespace reslens
