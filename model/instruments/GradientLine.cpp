#include "model/instruments/GradientLine.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace reslens {

std::vector<double> linePoints(int points) {
    std::vector<double> t;
    if (points <= 1) {
        return std::vector<double>(std::max(points, 0), 0.0);
    }
    for (int i = 0; i < points; ++i) {
        t.push_back(-1.0 + 2.0 * i / (points - 1));
    }
    return t;
}

torch::Tensor randomDirection(const torch::Tensor& x0, uint64_t seed) {
    // A generator of its own: the direction depends on the seed alone.
    at::Generator generator = at::detail::createCPUGenerator(seed);
    torch::Tensor d = torch::randn(x0.sizes(), generator, torch::kFloat);
    const double norm = x0.norm().item<double>();
    const double dNorm = d.norm().item<double>();
    return (d * ((norm > 0 ? norm : 1.0) / dNorm)).to(x0.device());
}

std::vector<double> derivativeAlongLine(ResNetImpl& network, const torch::Tensor& x0,
                                        const torch::Tensor& direction,
                                        const std::vector<double>& t, int64_t target, int64_t batch,
                                        const std::function<bool(int, int)>& progress) {
    const torch::Tensor start = x0.detach().to(torch::kFloat32).unsqueeze(0);
    const torch::Tensor d = direction.detach().to(start.device(), torch::kFloat32).unsqueeze(0);
    const int64_t total = static_cast<int64_t>(t.size());
    std::vector<double> derivative;
    derivative.reserve(t.size());
    torch::AutoGradMode gradients(true);
    for (int64_t first = 0; first < total; first += batch) {
        const int64_t n = std::min(batch, total - first);
        std::vector<float> steps(t.begin() + first, t.begin() + first + n);
        const torch::Tensor ts = torch::tensor(steps).to(start.device()).view({n, 1, 1, 1});
        torch::Tensor points = (start + ts * d).detach().requires_grad_(true);
        // Eval mode: each point's logit depends on that point alone, so the gradient of the
        // sum is every point's own gradient.
        const torch::Tensor logits = network.forward(points);
        const torch::Tensor selected = logits.select(1, target).sum();
        const torch::Tensor grad = torch::autograd::grad({selected}, {points})[0];
        const torch::Tensor along = (grad * d).flatten(1).sum(1).to(torch::kCPU, torch::kFloat64);
        for (int64_t i = 0; i < n; ++i) {
            derivative.push_back(along[i].item<double>());
        }
        if (progress && !progress(static_cast<int>(first + n), static_cast<int>(total))) {
            break;
        }
    }
    return derivative;
}

std::vector<double> autocorrelation(const std::vector<double>& series) {
    const size_t n = series.size();
    std::vector<double> r(n, 1.0);
    if (n == 0) {
        return r;
    }
    double mean = 0;
    for (double y : series) {
        mean += y;
    }
    mean /= double(n);
    std::vector<double> centred(n);
    double variance = 0;
    for (size_t i = 0; i < n; ++i) {
        centred[i] = series[i] - mean;
        variance += centred[i] * centred[i];
    }
    if (!(variance > 0)) {
        return r;  // no variation: nothing decorrelates
    }
    for (size_t lag = 0; lag < n; ++lag) {
        double sum = 0;
        for (size_t i = 0; i + lag < n; ++i) {
            sum += centred[i] * centred[i + lag];
        }
        r[lag] = sum / variance;
    }
    return r;
}

int firstLagBelow(const std::vector<double>& autocorrelation, double level) {
    for (size_t lag = 0; lag < autocorrelation.size(); ++lag) {
        if (autocorrelation[lag] < level) {
            return static_cast<int>(lag);
        }
    }
    return static_cast<int>(autocorrelation.size());
}

}  // namespace reslens
