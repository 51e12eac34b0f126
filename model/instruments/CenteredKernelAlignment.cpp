#include "model/instruments/CenteredKernelAlignment.h"

#include <torch/torch.h>

#include <cmath>

namespace reslens {

torch::Tensor centredGram(const torch::Tensor& features) {
    const torch::Tensor x = features.detach().flatten(1).to(torch::kCPU, torch::kFloat64);
    // Centring the features' columns centres the Gram matrix: (HX)(HX)ᵀ = HXXᵀH.
    const torch::Tensor centred = x - x.mean(0, /*keepdim=*/true);
    return centred.matmul(centred.t());
}

double linearCka(const torch::Tensor& centredGramX, const torch::Tensor& centredGramY) {
    const double cross = (centredGramX * centredGramY).sum().item<double>();
    const double normX = centredGramX.norm().item<double>();
    const double normY = centredGramY.norm().item<double>();
    if (!(normX > 0) || !(normY > 0)) {
        return 0.0;
    }
    return cross / (normX * normY);
}

}  // namespace reslens
