#include "model/network/FoldedConvolution.h"

#include <ATen/core/grad_mode.h>
#include <c10/core/InferenceMode.h>
#include <torch/torch.h>

namespace reslens {
namespace {

std::vector<int64_t> expanded(torch::ExpandingArray<2> values) {
    return {(*values)[0], (*values)[1]};
}

}  // namespace

bool FoldedConvolution::takesFastPath(const torch::nn::Module& module, bool enabled) {
    return enabled && !module.is_training() && !at::GradMode::is_enabled();
}

c10::MemoryFormat FoldedConvolution::layoutFor(const c10::Device& device) {
    return device.is_cpu() ? c10::MemoryFormat::ChannelsLast : c10::MemoryFormat::Contiguous;
}

std::vector<FoldedConvolution::SourceStamp> FoldedConvolution::stampsOf(
    const torch::nn::Conv2d& conv, const torch::nn::BatchNorm2d& bn) {
    std::vector<torch::Tensor> tensors{conv->weight, conv->bias};
    if (bn) {
        tensors.insert(tensors.end(), {bn->weight, bn->bias, bn->running_mean, bn->running_var});
    }
    std::vector<SourceStamp> stamps;
    stamps.reserve(tensors.size());
    for (const torch::Tensor& t : tensors) {
        if (!t.defined()) {
            stamps.push_back({});
            continue;
        }
        const int64_t version = t.is_inference() ? -1 : static_cast<int64_t>(t._version());
        stamps.push_back({t.unsafeGetTensorImpl(), t.data_ptr(), version});
    }
    return stamps;
}

bool FoldedConvolution::isCurrentFor(const torch::nn::Conv2d& conv,
                                     const torch::nn::BatchNorm2d& bn) const {
    return !sources_.empty() && stampsOf(conv, bn) == sources_;
}

void FoldedConvolution::fold(const torch::nn::Conv2d& conv, const torch::nn::BatchNorm2d& bn) {
    // Outside InferenceMode: an inference tensor could not be saved by a later autograd
    // forward (a Grad-CAM in eval mode), and the fold itself needs no graph.
    c10::InferenceMode normalMode(false);
    torch::NoGradGuard noGrad;
    const auto& options = conv->options;
    const torch::Tensor weight = conv->weight.detach();
    // Folded in double so that the copy adds no rounding of its own beyond the final cast.
    torch::Tensor w = weight.to(torch::kDouble);
    torch::Tensor b = conv->bias.defined() ? conv->bias.detach().to(torch::kDouble)
                                           : torch::zeros({w.size(0)}, w.options());
    if (bn) {
        const double eps = bn->options.eps();
        const torch::Tensor gamma = bn->weight.defined() ? bn->weight.detach().to(torch::kDouble)
                                                         : torch::ones({w.size(0)}, w.options());
        const torch::Tensor beta = bn->bias.defined() ? bn->bias.detach().to(torch::kDouble)
                                                      : torch::zeros({w.size(0)}, w.options());
        const torch::Tensor scale =
            gamma / (bn->running_var.detach().to(torch::kDouble) + eps).sqrt();
        w = w * scale.view({-1, 1, 1, 1});
        b = beta + (b - bn->running_mean.detach().to(torch::kDouble)) * scale;
    }
    layout_ = layoutFor(weight.device());
    weight_ = w.to(weight.scalar_type()).contiguous(layout_);
    bias_ = b.to(weight.scalar_type()).contiguous();
    packed_ = torch::Tensor();
    packable_ =
        weight_.device().is_cpu() && weight_.scalar_type() == torch::kFloat && at::hasMKLDNN();
    weightElements_ = weight_.numel();
    stride_ = expanded(options.stride());
    // Every convolution of these networks pads kernel/2 on each side (ConvFactory.h); read
    // from the kernel, not from the padding's variant type, which differs between LibTorch
    // versions.
    padding_ = {weight.size(2) / 2, weight.size(3) / 2};
    dilation_ = expanded(options.dilation());
    groups_ = options.groups();
    sources_ = stampsOf(conv, bn);
}

const torch::Tensor& FoldedConvolution::dense() {
    if (!weight_.defined()) {
        c10::InferenceMode normalMode(false);
        torch::NoGradGuard noGrad;
        weight_ = packed_.to_dense().contiguous(layout_);
    }
    return weight_;
}

const torch::Tensor& FoldedConvolution::blocked() {
    if (!packed_.defined()) {
        c10::InferenceMode normalMode(false);
        torch::NoGradGuard noGrad;
        packed_ = at::mkldnn_reorder_conv2d_weight(weight_.contiguous().to_mkldnn(), padding_,
                                                   stride_, dilation_, groups_);
        weight_ = torch::Tensor();
    }
    return packed_;
}

torch::Tensor FoldedConvolution::forward(const torch::Tensor& x) {
    // Every CPU float convolution goes to oneDNN directly: LibTorch's own choice sends small
    // convolutions at batch 1 (under 20,480 input values, kernels up to 3x3) to im2col and
    // the BLAS, which is Debian's reference BLAS here; measured, resnet20 at 28x28 batch 1
    // went from 6.7 to 1.3 ms (docs/benchmarks.md).
    if (packable_ && x.device().is_cpu() && x.scalar_type() == torch::kFloat && !x.is_mkldnn()) {
        try {
            const torch::Tensor& weight = weightElements_ >= x.numel() ? blocked() : dense();
            return at::mkldnn_convolution(x, weight, bias_, padding_, stride_, dilation_, groups_);
        } catch (const c10::Error&) {
            // A LibTorch whose oneDNN refuses this (a dense input with a blocked weight, say):
            // LibTorch's own convolution with dense weights from now on.
            dense();
            packed_ = torch::Tensor();
            packable_ = false;
        }
    }
    return torch::conv2d(x, dense(), bias_, stride_, padding_, dilation_, groups_);
}

}  // namespace reslens
