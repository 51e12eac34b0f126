#include "model/tracing/GradientNormProbe.h"

#include <torch/torch.h>

namespace reslens {

GradientNormProbe::GradientNormProbe(ResNetImpl& network) {
    const auto& blocks = network.blocks();
    blocks_ = blocks.size();
    outputSquares_.resize(blocks_);
    std::vector<int64_t> owner;
    for (size_t i = 0; i < blocks_; ++i) {
        for (const torch::Tensor& p : blocks[i]->parameters()) {
            parameters_.push_back(p);
            owner.push_back(static_cast<int64_t>(i));
        }
        handles_.push_back(blocks[i]->registerForwardHook(
            [this, i](const BlockTrace& trace) {
                if (trace.output.requires_grad()) {
                    trace.output.register_hook([this, i](const torch::Tensor& grad) {
                        // norm() reduces in one pass without a squared temporary: these
                        // gradients are as large as the activations.
                        outputSquares_[i] = grad.detach().norm().square();
                    });
                }
            },
            TraceScope::InputAndOutput));
    }
    blockOfParameter_ = torch::tensor(owner, torch::kLong);
}

void GradientNormProbe::collect(std::vector<double>& parameterNorms,
                                std::vector<double>& outputNorms) {
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> squares;
    squares.reserve(parameters_.size() + blocks_);
    for (const torch::Tensor& p : parameters_) {
        const torch::Tensor& g = p.grad();
        squares.push_back(g.defined() ? g.norm().to(torch::kDouble).square()
                                      : torch::zeros({}, p.options().dtype(torch::kDouble)));
    }
    const auto device = parameters_.empty() ? torch::Device(torch::kCPU) : parameters_[0].device();
    torch::Tensor perBlock =
        torch::zeros({static_cast<int64_t>(blocks_)},
                     torch::TensorOptions().dtype(torch::kDouble).device(device));
    if (!squares.empty()) {
        perBlock.index_add_(0, blockOfParameter_.to(device), torch::stack(squares));
    }
    std::vector<torch::Tensor> outputs;
    for (torch::Tensor& s : outputSquares_) {
        outputs.push_back(s.defined() ? s.to(torch::kDouble)
                                      : torch::full({}, std::nan(""), perBlock.options()));
        s = torch::Tensor();
    }
    const torch::Tensor all =
        torch::cat({perBlock, torch::stack(outputs).to(device)}).sqrt().to(torch::kCPU);
    const double* values = all.data_ptr<double>();
    parameterNorms.assign(values, values + blocks_);
    outputNorms.assign(values + blocks_, values + 2 * blocks_);
}

}  // namespace reslens
