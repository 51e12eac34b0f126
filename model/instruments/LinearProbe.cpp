#include "model/instruments/LinearProbe.h"

#include <torch/torch.h>

#include <algorithm>

namespace reslens {
namespace {

torch::Tensor standardised(const LinearProbeFit& fit, const torch::Tensor& features) {
    return (features.detach().to(torch::kCPU, torch::kFloat64) - fit.mean) / fit.scale;
}

}  // namespace

LinearProbeFit fitLinearProbe(const torch::Tensor& features, const torch::Tensor& labels,
                              int classes, const ProbeOptions& options,
                              const std::function<bool()>& keepGoing) {
    const torch::Tensor raw = features.detach().to(torch::kCPU, torch::kFloat64);
    const torch::Tensor y = labels.to(torch::kCPU, torch::kLong);
    const int64_t n = raw.size(0);
    const int64_t d = raw.size(1);
    LinearProbeFit fit;
    fit.mean = raw.mean(0);
    // The population standard deviation, as StandardScaler; a constant feature is left as is.
    fit.scale = raw.std(0, /*unbiased=*/false);
    fit.scale = torch::where(fit.scale > 0, fit.scale, torch::ones_like(fit.scale));
    const torch::Tensor x = standardised(fit, raw);

    torch::AutoGradMode gradients(true);
    torch::Tensor weight = torch::zeros({d, classes}, torch::kFloat64).requires_grad_(true);
    torch::Tensor bias = torch::zeros({classes}, torch::kFloat64).requires_grad_(true);
    const double penalty = 1.0 / (2.0 * options.inverseRegularization);
    // Per round a few iterations, so that a cancel is heard; L-BFGS keeps its history.
    const int round = 25;
    torch::optim::LBFGS optimizer({weight, bias}, torch::optim::LBFGSOptions(1.0)
                                                      .max_iter(round)
                                                      .max_eval(round * 5 / 4)
                                                      .tolerance_grad(options.gradientTolerance)
                                                      .tolerance_change(1e-12)
                                                      .history_size(20)
                                                      .line_search_fn("strong_wolfe"));
    // Scaled by 1/N (the same minimiser): the gradient tolerance then means the same for any N.
    auto closure = [&] {
        optimizer.zero_grad();
        const torch::Tensor loss =
            (torch::nn::functional::cross_entropy(
                 x.matmul(weight) + bias, y,
                 torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum)) +
             penalty * weight.pow(2).sum()) /
            double(n);
        loss.backward();
        return loss;
    };
    for (int iterations = 0; iterations < options.maxIterations; iterations += round) {
        optimizer.step(closure);
        const double largest = std::max(weight.grad().abs().max().item<double>(),
                                        bias.grad().abs().max().item<double>());
        if (largest <= options.gradientTolerance) {
            fit.converged = true;
            break;
        }
        if (keepGoing && !keepGoing()) {
            break;
        }
    }
    fit.weight = weight.detach();
    fit.bias = bias.detach();
    return fit;
}

double probeAccuracy(const LinearProbeFit& fit, const torch::Tensor& features,
                     const torch::Tensor& labels) {
    torch::NoGradGuard noGrad;
    const torch::Tensor scores = standardised(fit, features).matmul(fit.weight) + fit.bias;
    const torch::Tensor right = scores.argmax(1).eq(labels.to(torch::kCPU, torch::kLong));
    return right.to(torch::kFloat64).mean().item<double>();
}

}  // namespace reslens
