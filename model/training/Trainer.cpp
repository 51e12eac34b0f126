#include "model/training/Trainer.h"

#include <torch/torch.h>

#include <memory>

#include "model/files/StateDict.h"
#include "model/training/BatchSampler.h"
#include "model/training/PairedSteps.h"

namespace reslens {

std::vector<RunOutcome> trainTogether(const std::vector<ResNet>& networks, const Dataset& data,
                                      const TrainingOptions& options, RunControl* control,
                                      const StepCallback& callback) {
    options.validate();
    const int64_t total = options.totalSteps(data.size());
    BatchSampler sampler(data, options);
    std::vector<std::unique_ptr<TrainingSession>> sessions;
    for (const ResNet& network : networks) {
        sessions.push_back(std::make_unique<TrainingSession>(network, options, total));
    }
    std::vector<RunOutcome> outcomes(networks.size());
    std::vector<bool> active(networks.size(), true);
    PairedSteps pairedSteps(sessions, options);
    for (int64_t step = 0; step < total; ++step) {
        if (control && !control->checkpoint()) {
            for (size_t i = 0; i < outcomes.size(); ++i) {
                if (active[i]) {
                    outcomes[i].status = RunStatus::Cancelled;
                }
            }
            return outcomes;
        }
        const Batch batch = sampler.next();
        std::vector<PairedStepResult> results = pairedSteps.step(active, batch);
        bool anyActive = false;
        for (size_t i = 0; i < sessions.size(); ++i) {
            if (!active[i]) {
                continue;
            }
            if (!results[i].report) {
                active[i] = false;
                outcomes[i].status = RunStatus::Diverged;
                outcomes[i].message = results[i].divergence;
                continue;
            }
            StepReport& report = *results[i].report;
            report.epoch = sampler.epochProgress();
            outcomes[i].steps = report.step;
            outcomes[i].lastLoss = report.loss;
            if (callback) {
                callback(i, report);
            }
            anyActive = true;
        }
        if (!anyActive) {
            break;
        }
    }
    return outcomes;
}

ResNet plainTwinOf(const ResNetImpl& network) {
    ResNetConfig config = network.config();
    config.skip = false;
    config.arch = config.canonicalName();
    ResNet twin(config);
    torch::NoGradGuard noGrad;
    const TensorMap source = stateDict(network);
    for (auto& [name, tensor] : stateDict(*twin)) {
        const auto found = source.find(name);
        if (found != source.end() && found->second.sizes() == tensor.sizes()) {
            tensor.copy_(found->second);
        }
    }
    twin->to(network.fc->weight.device());
    return twin;
}

}  // namespace reslens
