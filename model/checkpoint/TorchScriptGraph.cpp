#include "model/checkpoint/TorchScriptGraph.h"

#include <torch/csrc/jit/api/module.h>
#include <torch/csrc/jit/ir/constants.h>
#include <torch/csrc/jit/ir/ir.h>
#include <torch/csrc/jit/passes/inliner.h>

#include <vector>

namespace reslens {
namespace {

// An int list operand: a constant, or a ListConstruct of constants (traced graphs).
std::optional<std::vector<int64_t>> intList(const torch::jit::Value* value) {
    if (auto constant = torch::jit::toIValue(value)) {
        if (constant->isIntList()) {
            return constant->toIntVector();
        }
        return std::nullopt;
    }
    const torch::jit::Node* node = value->node();
    if (node->kind() != c10::prim::ListConstruct) {
        return std::nullopt;
    }
    std::vector<int64_t> values;
    for (const torch::jit::Value* input : node->inputs()) {
        const auto constant = torch::jit::toIValue(input);
        if (!constant || !constant->isInt()) {
            return std::nullopt;
        }
        values.push_back(constant->toInt());
    }
    return values;
}

void visit(torch::jit::Block* block, std::vector<const torch::jit::Node*>& pools,
           std::vector<const torch::jit::Node*>& pads) {
    for (torch::jit::Node* node : block->nodes()) {
        const auto kind = node->kind();
        if (kind == c10::aten::max_pool2d || kind == c10::aten::max_pool2d_with_indices) {
            pools.push_back(node);
        } else if (kind == c10::aten::constant_pad_nd || kind == c10::aten::pad) {
            pads.push_back(node);
        }
        for (torch::jit::Block* inner : node->blocks()) {
            visit(inner, pools, pads);
        }
    }
}

ForwardEnd forwardEnd(const torch::jit::Module& module) {
    try {
        auto graph = module.get_method("forward").graph()->copy();
        torch::jit::Inline(*graph);
        if (graph->outputs().size() != 1) {
            return ForwardEnd::Other;
        }
        const auto kind = graph->outputs()[0]->node()->kind();
        if (kind == c10::aten::relu || kind == c10::aten::relu_) {
            return ForwardEnd::Relu;
        }
        if (kind == c10::aten::add || kind == c10::aten::add_) {
            return ForwardEnd::Add;
        }
    } catch (const std::exception&) {
    }
    return ForwardEnd::Other;
}

}  // namespace

GraphFacts readGraphFacts(const torch::jit::Module& module) {
    GraphFacts facts;
    std::shared_ptr<torch::jit::Graph> graph;
    try {
        graph = module.get_method("forward").graph()->copy();
        torch::jit::Inline(*graph);
    } catch (const std::exception&) {
        return facts;
    }
    std::vector<const torch::jit::Node*> pools, pads;
    visit(graph->block(), pools, pads);
    if (pools.empty()) {
        facts.stemPoolStride = 0;
    } else if (pools.size() == 1 && pools[0]->inputs().size() >= 3) {
        // max_pool2d(input, kernel_size, stride, ...): an empty stride means the kernel's.
        auto stride = intList(pools[0]->input(2));
        if (stride && stride->empty()) {
            stride = intList(pools[0]->input(1));
        }
        if (stride && !stride->empty()) {
            facts.stemPoolStride = static_cast<int>(stride->front());
        }
    }
    // Each module's last operation: where a block ends in a ReLU or in its sum.
    for (const auto& child : module.named_modules()) {
        if (!child.name.empty()) {
            facts.ends[child.name] = forwardEnd(child.value);
        }
    }
    // F.pad(x, (0, 0, 0, 0, before, after)): option A's channels.
    for (const torch::jit::Node* pad : pads) {
        const auto amounts = pad->inputs().size() >= 2 ? intList(pad->input(1)) : std::nullopt;
        if (amounts && amounts->size() == 6 && (*amounts)[5] > 0) {
            facts.zeroPad = (*amounts)[4] == 0 ? ZeroPadPlacement::End : ZeroPadPlacement::Both;
        }
    }
    return facts;
}

}  // namespace reslens
