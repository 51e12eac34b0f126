#include "app/cli/PipelineBench.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>

#include "app/cli/Median.h"
#include "imaging/FeatureGrid.h"
#include "imaging/ImageDecoder.h"
#include "imaging/ImagePreprocessor.h"
#include "model/Classifier.h"

namespace reslens::cli {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

nlohmann::json benchPipeline(LoadedModel& model, const std::string& image, int iterations,
                             int warmup) {
    std::vector<double> decodeMs, prepareMs, forwardMs, totalMs;
    for (int i = 0; i < warmup + iterations; ++i) {
        const auto start = Clock::now();
        const DecodedImage decoded = decodeImageFile(image);
        const double decoded_at = msSince(start);
        const PreparedImage prepared = prepareImage(decoded, model.metadata.preprocessing);
        const double prepared_at = msSince(start);
        const auto predictions = classify(*model.network, prepared.tensor.unsqueeze(0), 5);
        const double total = msSince(start);
        if (predictions.empty() || predictions[0].top.empty()) {
            throw std::runtime_error("internal: no prediction");
        }
        if (i >= warmup) {
            decodeMs.push_back(decoded_at);
            prepareMs.push_back(prepared_at - decoded_at);
            forwardMs.push_back(total - prepared_at);
            totalMs.push_back(total);
        }
    }
    return {{"arch", model.metadata.config.arch},
            {"image", image},
            {"pipeline_ms", totalMs},
            {"decode_median_ms", median(decodeMs)},
            {"prepare_median_ms", median(prepareMs)},
            {"forward_probes_top5_median_ms", median(forwardMs)},
            {"pipeline_median_ms", median(totalMs)}};
}

nlohmann::json benchFeatureGrids(int iterations, int warmup) {
    nlohmann::json result = nlohmann::json::object();
    const std::vector<std::vector<int64_t>> shapes = {{2048, 7, 7}, {64, 112, 112}};
    torch::manual_seed(0);
    for (const auto& shape : shapes) {
        const torch::Tensor maps = torch::randn(shape).relu_();
        std::vector<double> times;
        for (int i = 0; i < warmup + iterations; ++i) {
            const auto start = Clock::now();
            const FeatureGrid grid = renderFeatureGrid(maps);
            if (i >= warmup) {
                times.push_back(msSince(start));
            }
            if (grid.image.empty()) {
                throw std::runtime_error("internal: empty grid");
            }
        }
        const std::string key = "render_" + std::to_string(shape[0]) + "x" +
                                std::to_string(shape[1]) + "x" + std::to_string(shape[2]);
        result[key + "_ms"] = times;
        result[key + "_median_ms"] = median(times);
    }
    return result;
}

}  // namespace reslens::cli
