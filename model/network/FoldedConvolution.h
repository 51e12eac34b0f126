#pragma once

// The inference fast path's convolution: a convolution with the batch norm that follows it
// folded into its weights and bias (W' = W * g/sqrt(v + eps), b' = beta + (b - mean) *
// g/sqrt(v + eps)), in the layout the device runs fastest. A copy: the trained convolution
// and batch norm are never touched, and model files do not change.
//
// Where the weight is at least as large as the input, the copy also keeps the weight in
// oneDNN's own blocked layout: oneDNN otherwise reorders a dense weight on every call, which
// costs more than the convolution itself in the late stages of an ImageNet network at small
// batches (measured: resnet50 at batch 1 runs about 12% faster with it; docs/benchmarks.md).
// At the batches of an evaluation the input is far larger and the dense weight is used,
// also handed to oneDNN directly (LibTorch would route small batch-1 convolutions to im2col
// and Debian's reference BLAS).
// Each form is made when a forward first needs it, and the dense one is let go once the
// blocked one replaces it: a network used at one input size keeps one folded copy of its
// weights, not two.
//
// The copy remembers which tensors it was folded from (identity, storage and version
// counter of each), so a network whose weights change — a training step, a loaded file,
// a landscape's perturbation — is folded again on its next inference forward instead of
// computing with stale weights.

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>

#include <vector>

namespace reslens {

class FoldedConvolution {
public:
    // Whether a forward of `module` takes the fast path: `enabled`, in eval mode, and
    // without gradient (inference, not Grad-CAM or training).
    static bool takesFastPath(const torch::nn::Module& module, bool enabled);

    // Whether this copy was folded from `conv` and `bn` (may be empty) as they are now.
    bool isCurrentFor(const torch::nn::Conv2d& conv, const torch::nn::BatchNorm2d& bn) const;
    // Folds again from `conv` and `bn`. The result is an ordinary tensor without gradient,
    // also when called inside InferenceMode (so that later autograd forwards may use it).
    void fold(const torch::nn::Conv2d& conv, const torch::nn::BatchNorm2d& bn);

    // bn(conv(x)) to float rounding, computed as one convolution with a bias.
    torch::Tensor forward(const torch::Tensor& x);

    // The layout of weights and activations on the fast path of `device`: channels-last on
    // the CPU, where oneDNN's convolutions run faster on it; NCHW on GPUs until measured.
    static c10::MemoryFormat layoutFor(const c10::Device& device);

private:
    struct SourceStamp {
        const void* impl = nullptr;
        const void* data = nullptr;
        int64_t version = 0;  // -1: an inference tensor, which keeps no version counter
        // A stamp of an inference tensor never matches: the copy is folded again on every
        // forward, which is slow but never stale.
        bool operator==(const SourceStamp& other) const {
            return version >= 0 && impl == other.impl && data == other.data &&
                   version == other.version;
        }
    };
    static std::vector<SourceStamp> stampsOf(const torch::nn::Conv2d& conv,
                                             const torch::nn::BatchNorm2d& bn);

    // The folded weight in each form, made on first use; making the blocked one lets the
    // dense one go.
    const torch::Tensor& dense();
    const torch::Tensor& blocked();

    std::vector<SourceStamp> sources_;
    torch::Tensor weight_;   // dense, in layoutFor(device); undefined while only packed_ is
    torch::Tensor packed_;   // in oneDNN's blocked layout; undefined until needed
    bool packable_ = false;  // a CPU float weight in a LibTorch with oneDNN that accepts it
    int64_t weightElements_ = 0;
    c10::MemoryFormat layout_ = c10::MemoryFormat::Contiguous;
    torch::Tensor bias_;
    std::vector<int64_t> stride_, padding_, dilation_;
    int64_t groups_ = 1;
};

}  // namespace reslens
