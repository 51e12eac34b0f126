#pragma once

// Balduzzi et al. 2017, "The shattered gradients problem": walk a line through input space,
// x(t) = x0 + t·d, and follow the derivative of one output along it, d/dt f(x(t)) = ∇f·d. In
// a deep plain network it decorrelates from one point to the next like white noise; in a
// ResNet it stays correlated like brown noise. The autocorrelation of the curve by lag, and
// the first lag at which it falls below one half, say which.

#include <torch/types.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "model/network/ResNet.h"

namespace reslens {

// P points evenly spaced on [-1, 1], both ends included (one point: 0).
std::vector<double> linePoints(int points);

// A Gaussian direction of the same shape as x0, scaled to x0's L2 norm (a unit direction
// when x0 is zero), drawn from its own generator seeded with `seed`.
torch::Tensor randomDirection(const torch::Tensor& x0, uint64_t seed);

// The derivative of logit `target` along the line, at each t: (∇_x f_target(x(t))) · d, by
// autograd, in batches of `batch` points, in the network's current mode (eval for a trained
// network: its batch norms use their running statistics, so the points are independent).
// x0 and d are one input [C, H, W] each. `progress(done, total)` after each batch; false
// stops the walk and returns the points done so far.
std::vector<double> derivativeAlongLine(ResNetImpl& network, const torch::Tensor& x0,
                                        const torch::Tensor& direction,
                                        const std::vector<double>& t, int64_t target,
                                        int64_t batch = 32,
                                        const std::function<bool(int, int)>& progress = {});

// The autocorrelation of the series minus its mean, at lags 0..P-1, normalised by lag 0:
// r(k) = Σ_i (y_i − ȳ)(y_{i+k} − ȳ) / Σ_i (y_i − ȳ)². A constant series (no variation
// at all) is perfectly correlated: every lag reads 1.
std::vector<double> autocorrelation(const std::vector<double>& series);

// The first lag at which the autocorrelation falls below `level`; the series' length when it
// never does.
int firstLagBelow(const std::vector<double>& autocorrelation, double level = 0.5);

}  // namespace reslens
