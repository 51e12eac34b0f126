#include "app/cli/diagnostics/PipelineBench.h"

#include <torch/torch.h>

#include <algorithm>

#include "app/cli/diagnostics/BenchTiming.h"
#include "imaging/FeatureGrid.h"
#include "imaging/ImageDecoder.h"
#include "imaging/ImagePreprocessor.h"
#include "model/tracing/Classifier.h"

namespace reslens::cli {
nlohmann::json benchPipeline(LoadedModel& model, const std::string& image, int iterations,
                             int warmup) {
    std::vector<double> decodeMs, prepareMs, forwardMs, totalMs;
    for (int i = 0; i < warmup + iterations; ++i) {
        DecodedImage decoded;
        PreparedImage prepared;
        std::vector<Prediction> predictions;
        const double decode = millisecondsOf([&] { decoded = decodeImageFile(image); });
        const double prepare =
            millisecondsOf([&] { prepared = prepareImage(decoded, model.metadata.preprocessing); });
        const double forward = millisecondsOf(
            [&] { predictions = classify(*model.network, prepared.tensor.unsqueeze(0), 5); });
        if (predictions.empty() || predictions[0].top.empty()) {
            throw std::runtime_error("internal: no prediction");
        }
        if (i >= warmup) {
            decodeMs.push_back(decode);
            prepareMs.push_back(prepare);
            forwardMs.push_back(forward);
            totalMs.push_back(decode + prepare + forward);
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
            FeatureGrid grid;
            const double ms = millisecondsOf([&] { grid = renderFeatureGrid(maps); });
            if (i >= warmup) {
                times.push_back(ms);
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
