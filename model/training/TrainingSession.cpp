#include "model/training/TrainingSession.h"

#include <torch/torch.h>

#include <cmath>

namespace reslens {
namespace {

// A convolution whose weight is channels-last writes channels-last output, and batch norm,
// ReLU and the additions keep the layout they are given: converting the 4-D weights (and
// the input) switches the whole network. set_data keeps the parameters' identities, so
// hooks, probes and the caller's handles all still see the same tensors.
void convertToChannelsLast(torch::nn::Module& network) {
    torch::NoGradGuard noGrad;
    for (torch::Tensor& parameter : network.parameters()) {
        if (parameter.dim() == 4) {
            parameter.set_data(parameter.contiguous(torch::MemoryFormat::ChannelsLast));
        }
    }
}

}  // namespace

TrainingSession::TrainingSession(ResNet network, const TrainingOptions& options, int64_t totalSteps)
    : network_(std::move(network)),
      options_(options),
      totalSteps_(totalSteps),
      device_(network_->fc->weight.device()),
      dtype_(network_->fc->weight.scalar_type()) {
    options_.validate();
    if (options_.channelsLast) {
        convertToChannelsLast(*network_);
    }
    optimizer_ = std::make_unique<torch::optim::SGD>(network_->parameters(),
                                                     torch::optim::SGDOptions(options_.learningRate)
                                                         .momentum(options_.momentum)
                                                         .weight_decay(options_.weightDecay));
    if (options_.collectGradientNorms) {
        probe_ = std::make_unique<GradientNormProbe>(*network_);
    }
}

StepReport TrainingSession::step(const Batch& batch) {
    // Grad mode is per thread: a worker thread must not inherit an inference guard.
    torch::AutoGradMode enableGrad(true);
    network_->train();
    StepReport report;
    report.totalSteps = totalSteps_;
    report.learningRate = options_.learningRateAt(stepsDone_, totalSteps_);
    for (auto& group : optimizer_->param_groups()) {
        static_cast<torch::optim::SGDOptions&>(group.options()).lr(report.learningRate);
    }

    // The forward updates BN running statistics; keep them to restore on divergence, so that
    // a diverged network is left exactly as it was before the step.
    std::vector<torch::Tensor> buffers, saved;
    for (const torch::Tensor& buffer : network_->buffers()) {
        buffers.push_back(buffer);
        saved.push_back(buffer.clone());
    }
    torch::Tensor inputs = batch.inputs.to(device_, dtype_);
    if (options_.channelsLast) {
        inputs = inputs.contiguous(torch::MemoryFormat::ChannelsLast);
    }
    const torch::Tensor labels = batch.labels.to(device_);
    optimizer_->zero_grad();
    const torch::Tensor logits = network_->forward(inputs);
    const torch::Tensor loss = torch::cross_entropy_loss(logits, labels);
    loss.backward();
    if (probe_) {
        probe_->collect(report.blockGradientNorms, report.outputGradientNorms);
    }
    // One transfer for the loss and the accuracy.
    const torch::Tensor scalars =
        torch::stack({loss.detach().to(torch::kDouble),
                      logits.argmax(1).eq(labels).to(torch::kDouble).mean()})
            .to(torch::kCPU);
    report.loss = scalars[0].item<double>();
    report.accuracy = scalars[1].item<double>();

    bool finite = std::isfinite(report.loss);
    for (double norm : report.blockGradientNorms) {
        finite = finite && std::isfinite(norm);
    }
    if (!finite) {
        optimizer_->zero_grad();
        torch::NoGradGuard noGrad;
        for (size_t i = 0; i < buffers.size(); ++i) {
            buffers[i].copy_(saved[i]);
        }
        throw DivergedError(
            "diverged at step " + std::to_string(stepsDone_ + 1) + ": the loss is " +
            (std::isfinite(report.loss) ? "finite but a gradient is not"
                                        : std::to_string(report.loss)) +
            " (learning rate " + std::to_string(report.learningRate) + " too high?)");
    }
    optimizer_->step();
    ++stepsDone_;
    report.step = stepsDone_;
    return report;
}

}  // namespace reslens
