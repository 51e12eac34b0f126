#include "app/core/instruments/SimilarityStudy.h"

#include <torch/torch.h>

#include "app/core/runtime/ComputeThreads.h"
#include "app/core/runtime/MemoryBudget.h"
#include "app/core/studies/StudySubject.h"
#include "model/instruments/BlockFeatures.h"
#include "model/instruments/BlockOutputs.h"
#include "model/instruments/CenteredKernelAlignment.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

// What the flattened outputs of `samples` images keep (float32), before any is computed.
int64_t featureBytes(ResNetImpl& network, const ResNetConfig& config, int64_t samples) {
    torch::NoGradGuard noGrad;
    const torch::Device device = network.parameters().front().device();
    int64_t perImage = 0;
    forwardVisitingBlocks(
        network,
        torch::zeros({1, config.inChannels, config.inputHeight, config.inputWidth}, device),
        [&](size_t, const torch::Tensor& output) { perImage += output.numel(); });
    return perImage * samples * 4;
}

}  // namespace

SimilarityResult runSimilarity(const ResourceSource& resources, const ModelRequest& request,
                               const DataSpec& data, int64_t samples, const std::string& device,
                               const InstrumentProgress& progress) {
    if (samples < 2) {
        throw InputError("--samples must be at least 2: similarity is measured across images");
    }
    ComputeThreads::Scope threads;
    StudySubject subject = openStudySubject(resources, request, data, device);
    ResNetImpl& network = *subject.model.network;
    const ResNetConfig& config = subject.model.metadata.config;
    samples = std::min(samples, subject.data.size());
    if (samples < 2) {
        throw InputError(subject.data.name + " has fewer than 2 images");
    }
    requireMemory(
        featureBytes(network, config, samples), availableMemoryBytes(),
        "every block's output for " + std::to_string(samples) + " images of " + config.arch);

    SimilarityResult result;
    result.title = subject.title;
    result.arch = config.arch;
    result.data = subject.data.name;
    result.blocks = blockOutputNames(network);
    result.stages = blockOutputStages(network);
    const size_t count = result.blocks.size();
    // Forwards count for half the progress, the Gram matrices and their pairs for the rest.
    const int total = static_cast<int>(2 * count);
    const Preprocessing& p = subject.model.metadata.preprocessing;
    BlockFeatures features = collectBlockFeatures(
        network, subject.data, samples, p.mean, p.std, FeatureReduction::Flatten, 50,
        [&](int64_t done, int64_t n) {
            return !progress ||
                   progress(static_cast<int>(count * done / n), total,
                            "images " + std::to_string(done) + " of " + std::to_string(n));
        });
    result.samples = features.logits.defined() ? features.logits.size(0) : 0;
    if (result.samples < samples) {
        result.cancelled = true;
        return result;
    }
    std::vector<torch::Tensor> grams;
    for (size_t i = 0; i < count; ++i) {
        grams.push_back(centredGram(features.outputs[i]));
        features.outputs[i] = torch::Tensor();  // each output freed once its Gram is made
        if (progress && !progress(static_cast<int>(count + i), total, result.blocks[i])) {
            result.cancelled = true;
            return result;
        }
    }
    result.cka.assign(count, std::vector<double>(count, 1.0));
    for (size_t i = 0; i < count; ++i) {
        for (size_t j = i + 1; j < count; ++j) {
            result.cka[i][j] = result.cka[j][i] = linearCka(grams[i], grams[j]);
        }
    }
    return result;
}

}  // namespace reslens
