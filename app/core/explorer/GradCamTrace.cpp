#include "app/core/explorer/GradCamTrace.h"

#include <torch/torch.h>

#include <cmath>
#include <limits>

#include "app/core/explorer/ExplorerSession.h"
#include "app/core/explorer/ExplorerTypes.h"

namespace reslens {
namespace {

torch::Tensor atInputResolution(const CamRendering& map, int height, int width) {
    auto values = torch::from_blob(const_cast<float*>(map.cam.data()),
                                   {1, 1, map.height, map.width}, torch::kFloat32)
                      .clone();
    namespace F = torch::nn::functional;
    return F::interpolate(values, F::InterpolateFuncOptions()
                                      .size(std::vector<int64_t>{height, width})
                                      .mode(torch::kBilinear)
                                      .align_corners(false))
        .flatten()
        .to(torch::kFloat64);
}

double pearson(const torch::Tensor& a, const torch::Tensor& b) {
    const torch::Tensor da = a - a.mean();
    const torch::Tensor db = b - b.mean();
    const double norms = std::sqrt((da * da).sum().item<double>() * (db * db).sum().item<double>());
    if (!(norms > 0)) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    return (da * db).sum().item<double>() / norms;
}

}  // namespace

CamTrace traceGradCam(ExplorerSession& session, int64_t classIndex) {
    const OpenedModel& model = session.model();
    const int height = model.summary.config.inputHeight;
    const int width = model.summary.config.inputWidth;
    const int entries = static_cast<int>(model.blockNames.size());
    CamTrace trace;
    std::vector<torch::Tensor> maps;
    for (int entry = 0; entry <= entries; ++entry) {
        const CamRendering map = session.gradCam({entry, classIndex, /*drawOverlay=*/false});
        trace.classIndex = map.explained.index;
        trace.classLabel = map.explained.label;
        trace.probability = map.explained.probability;
        CamStep step;
        step.target = map.target;
        step.stage = entry == 0 ? std::string() : model.summary.blocks[entry - 1].info.stage;
        step.height = map.height;
        step.width = map.width;
        trace.steps.push_back(step);
        maps.push_back(atInputResolution(map, height, width));
    }
    for (size_t i = 0; i < maps.size(); ++i) {
        trace.steps[i].correlationWithLast = pearson(maps[i], maps.back());
    }
    return trace;
}

int firstSettledStep(const CamTrace& trace, double threshold) {
    int settled = -1;
    for (int i = static_cast<int>(trace.steps.size()) - 1; i >= 0; --i) {
        if (!(trace.steps[i].correlationWithLast >= threshold)) {
            break;
        }
        settled = i;
    }
    return settled;
}

}  // namespace reslens
