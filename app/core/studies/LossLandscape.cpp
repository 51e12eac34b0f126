#include "app/core/studies/LossLandscape.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <limits>

#include "model/runtime/InputError.h"
#include "model/training/Evaluation.h"
#include "model/training/FilterNormalizedDirection.h"
#include "model/training/WeightPerturbation.h"

namespace reslens {

void checkLandscapeOptions(const LandscapeOptions& o, int64_t available) {
    if (o.points < 1 || o.points > 1001 || o.points % 2 == 0) {
        throw InputError("--points " + std::to_string(o.points) +
                         ": an odd number from 1 to 1001, so that 0 is one of the points");
    }
    if (o.samples < 1) {
        throw InputError("--samples must be at least 1");
    }
    if (o.samples > available) {
        throw InputError("--samples " + std::to_string(o.samples) + ": the split holds " +
                         std::to_string(available) + " images");
    }
    if (!(o.range > 0) || !std::isfinite(o.range)) {
        throw InputError("--range must be above 0");
    }
}

std::vector<double> landscapeCoefficients(int points, double range) {
    std::vector<double> values;
    const int half = points / 2;
    for (int i = -half; i <= half; ++i) {
        values.push_back(half == 0 ? 0.0 : range * i / half);  // i = 0 gives exactly 0
    }
    return values;
}

LandscapeResult runLandscape(LoadedModel& model, const Dataset& data,
                             const LandscapeOptions& options, const LandscapeProgress& progress) {
    checkLandscapeOptions(options, data.size());
    ResNetImpl& network = *model.network;
    network.eval();
    Dataset subset = data;
    subset.images = data.images.narrow(0, 0, options.samples);
    subset.labels = data.labels.narrow(0, 0, options.samples);
    const Preprocessing& p = model.metadata.preprocessing;

    LandscapeResult result;
    result.samples = options.samples;
    result.alphas = landscapeCoefficients(options.points, options.range);
    if (options.twoD) {
        result.betas = result.alphas;
    }
    const size_t rows = options.twoD ? result.betas.size() : 1;
    const size_t total = rows * result.alphas.size();
    const double missing = std::numeric_limits<double>::quiet_NaN();
    result.loss.assign(total, missing);
    result.accuracy.assign(total, missing);

    WeightPerturbation perturbation(
        network, filterNormalizedDirections(network, options.seed, options.twoD ? 2 : 1));
    for (size_t row = 0; row < rows; ++row) {
        for (size_t column = 0; column < result.alphas.size(); ++column) {
            std::vector<double> coefficients{result.alphas[column]};
            if (options.twoD) {
                coefficients.push_back(result.betas[row]);
            }
            perturbation.moveTo(coefficients);
            const auto start = std::chrono::steady_clock::now();
            const EvaluationResult point = evaluate(network, subset, p.mean, p.std);
            result.evaluationSeconds +=
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const size_t index = row * result.alphas.size() + column;
            result.loss[index] = point.loss;
            result.accuracy[index] = point.accuracy;
            ++result.evaluations;
            if (progress && !progress(result.evaluations, static_cast<int>(total))) {
                result.cancelled = true;
                return result;  // the perturbation restores the weights
            }
        }
    }
    return result;
}

std::vector<char> landscapeDirectionsFile(const LoadedModel& model,
                                          const LandscapeOptions& options) {
    const ResNetImpl& network = *model.network;
    const auto directions = filterNormalizedDirections(network, options.seed, options.twoD ? 2 : 1);
    const auto parameters = network.named_parameters(/*recurse=*/true);
    c10::impl::GenericDict archive(c10::StringType::get(), c10::AnyType::get());
    for (size_t i = 0; i < directions.size(); ++i) {
        c10::Dict<std::string, torch::Tensor> named;
        for (size_t p = 0; p < parameters.size(); ++p) {
            named.insert(parameters[p].key(),
                         directions[i][p].detach().to(torch::kCPU).contiguous());
        }
        archive.insert("direction" + std::to_string(i), c10::IValue(named));
    }
    return torch::pickle_save(archive);
}

}  // namespace reslens
