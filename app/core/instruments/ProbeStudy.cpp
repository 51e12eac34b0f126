#include "app/core/instruments/ProbeStudy.h"

#include <torch/torch.h>

#include "app/core/runtime/ComputeThreads.h"
#include "app/core/studies/ModelEvaluation.h"
#include "app/core/studies/StudySubject.h"
#include "model/instruments/BlockFeatures.h"
#include "model/instruments/BlockOutputs.h"
#include "model/instruments/LinearProbe.h"
#include "model/runtime/InputError.h"

namespace reslens {

ProbeResult runProbes(const ResourceSource& resources, const ModelRequest& request,
                      const DataSpec& data, int64_t samples, int64_t testSamples,
                      const std::string& device, const InstrumentProgress& progress,
                      const std::optional<DataSpec>& testData) {
    if (samples < 2) {
        throw InputError("--samples must be at least 2 training images");
    }
    if (testSamples < 0) {
        throw InputError("--test-samples must be 0 (the whole test split) or more");
    }
    ComputeThreads::Scope threads;
    StudySubject subject = openStudySubject(
        resources, request, testData ? *testData : data.withSplit(Split::Test), device);
    const Dataset train = loadDataFor(subject.model.metadata, data.withSplit(Split::Train));
    if (train.name == subject.data.name) {
        throw InputError(data.kind == DataSpec::Kind::Folder
                             ? "a folder has no test split apart from its training images: "
                               "probes scored on the images they were fitted on would say "
                               "nothing; name a folder of test images with --test-data"
                             : train.name + " has no separate test split");
    }
    ResNetImpl& network = *subject.model.network;
    const Preprocessing& p = subject.model.metadata.preprocessing;
    const int classes = subject.model.metadata.config.classes;
    samples = std::min(samples, train.size());
    testSamples =
        testSamples == 0 ? subject.data.size() : std::min(testSamples, subject.data.size());

    ProbeResult result;
    result.title = subject.title;
    result.arch = subject.model.metadata.config.arch;
    result.train = train.name;
    result.test = subject.data.name;
    const std::vector<std::string> names = blockOutputNames(network);
    const std::vector<int> stages = blockOutputStages(network);
    // Progress: the two feature passes, then one step per probe.
    const int count = static_cast<int>(names.size());
    const int total = 2 + count;
    const auto pass = [&](int step, const std::string& what) {
        return [&, step, what](int64_t done, int64_t n) {
            return !progress ||
                   progress(step, total,
                            what + " " + std::to_string(done) + " of " + std::to_string(n));
        };
    };
    const BlockFeatures fitOn =
        collectBlockFeatures(network, train, samples, p.mean, p.std,
                             FeatureReduction::GlobalAveragePool, 100, pass(0, "training images"));
    if (!fitOn.logits.defined() || fitOn.logits.size(0) < samples) {
        result.cancelled = true;
        return result;
    }
    const BlockFeatures scoreOn =
        collectBlockFeatures(network, subject.data, testSamples, p.mean, p.std,
                             FeatureReduction::GlobalAveragePool, 100, pass(1, "test images"));
    if (!scoreOn.logits.defined() || scoreOn.logits.size(0) < testSamples) {
        result.cancelled = true;
        return result;
    }
    result.samples = samples;
    result.testSamples = testSamples;
    const torch::Tensor trainLabels = train.labels.narrow(0, 0, samples);
    const torch::Tensor testLabels = subject.data.labels.narrow(0, 0, testSamples);
    result.networkAccuracy =
        scoreOn.logits.argmax(1).eq(testLabels).to(torch::kFloat64).mean().item<double>();
    bool going = true;
    for (int i = 0; i < count && going; ++i) {
        if (progress && !progress(2 + i, total, "probe on " + names[i])) {
            result.cancelled = true;
            break;
        }
        const LinearProbeFit fit = fitLinearProbe(
            fitOn.outputs[i], trainLabels, classes, ProbeOptions{},
            [&] { return going = !progress || progress(2 + i, total, "probe on " + names[i]); });
        BlockProbe probe;
        probe.name = names[i];
        probe.stage = stages[i];
        probe.features = fitOn.outputs[i].size(1);
        probe.accuracy = probeAccuracy(fit, scoreOn.outputs[i], testLabels);
        probe.converged = fit.converged;
        result.blocks.push_back(probe);
    }
    result.cancelled = result.cancelled || !going;
    return result;
}

}  // namespace reslens
