#pragma once

// Alain & Bengio 2016, "Understanding intermediate layers using linear classifier probes": a
// linear classifier trained on a layer's representation, with the network frozen, says how
// linearly readable the class already is there. Here: multinomial logistic regression on
// standardised features, fitted as scikit-learn's LogisticRegression() is by default (L2
// penalty with C = 1 on the weights, not the biases; L-BFGS to convergence), so that its
// accuracy can be checked against scikit-learn's.

#include <torch/types.h>

#include <functional>

namespace reslens {

struct ProbeOptions {
    double inverseRegularization = 1.0;  // scikit-learn's C: the objective is
                                         // Σ cross-entropy + ‖W‖² / (2C)
    int maxIterations = 1000;            // L-BFGS iterations at most
    double gradientTolerance = 1e-5;     // stop when the largest gradient entry is below
};

struct LinearProbeFit {
    torch::Tensor mean, scale;   // the standardisation, from the training features [D]
    torch::Tensor weight, bias;  // [D, K] and [K], float64
    bool converged = false;
};

// features [N, D], labels int64 [N] in 0..classes-1. `keepGoing()` between rounds of
// iterations: false stops the fit where it is (the fit so far comes back, not converged).
LinearProbeFit fitLinearProbe(const torch::Tensor& features, const torch::Tensor& labels,
                              int classes, const ProbeOptions& options = {},
                              const std::function<bool()>& keepGoing = {});

// The fraction of examples whose highest-scoring class is their label.
double probeAccuracy(const LinearProbeFit& fit, const torch::Tensor& features,
                     const torch::Tensor& labels);

}  // namespace reslens
