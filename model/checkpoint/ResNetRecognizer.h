#pragma once

// Recognises a ResNet-family network from its weights alone — names, shapes and order, not
// a table of known names — and maps every weight onto ResLens's native network:
// - the stem: one k x k convolution (7x7/s2 torchvision, 3x3/s1 He et al.'s CIFAR nets),
//   its batch norm, under any name;
// - the stages: containers whose numbered children each hold two or more convolutions
//   ("layer1.0", "features.4.0", "blocks.3"); a new stage also starts where a block changes
//   width inside one container;
// - each block's branch by order and shapes (basic: 3x3, 3x3; bottleneck: 1x1, 3x3 with any
//   groups, 1x1), whatever its layers are called ("conv1/bn1", "left.0/left.1/left.3",
//   "residual_function.*"); its shortcut as identity, option A (no weights where the width
//   changes) or a 1x1 projection under any name ("downsample", "shortcut", "right");
// - pre-activation when a batch norm stands between the last block and the classifier;
// - the classifier: the one linear layer after the last block ("fc", "linear", ...).
// A convolution's bias followed by a batch norm is folded into the norm's running mean
// (exact). What the weights cannot say (the stem's pooling, where option A's zeros go)
// takes a default the result reports, overridable by RecognitionOptions.

#include <optional>
#include <string>
#include <vector>

#include "model/checkpoint/TorchScriptGraph.h"
#include "model/checkpoint/WeightsLocator.h"
#include "model/files/StateDict.h"
#include "model/network/ResNetConfig.h"

namespace reslens {

struct RecognitionOptions {
    std::optional<int> stemPoolStride;  // 0: no pool
    std::optional<ZeroPadPlacement> zeroPad;
    // Whether those were read from a TorchScript graph rather than given (for the report).
    bool stemPoolFromGraph = false;
    bool zeroPadFromGraph = false;
    // From a TorchScript graph: what each module's forward ends with, by path. A block that
    // ends otherwise than its weights say (a ReLU after the sum in a network read as
    // pre-activation, or none in one read as post-activation) is refused, not misbuilt.
    std::map<std::string, ForwardEnd> blockEnds;
    // The safetensors header is sorted by name, not by the order the layers run in.
    bool keysSortedByName = false;
};

struct WeightMapping {
    std::string fileKey;     // as in the file, prefixes stripped ("" for a filled default)
    std::string reslensKey;  // "layer1.0.conv1.weight"
    std::vector<int64_t> shape;
    std::string note;  // "bias folded into bn1.running_mean", "default (not in the file)"
};

struct RecognizedNetwork {
    ResNetConfig config;
    TensorMap weights;  // by ResLens names: exactly the native network's state dict
    std::vector<WeightMapping> mapping;
    // What was assumed because the weights cannot say it, each with the flag that sets it.
    std::vector<std::string> assumptions;
};

// Throws InputError("<sourceName>: ...") naming the first module that could not be placed
// and what was expected there.
RecognizedNetwork recognizeResNet(const OrderedWeights& weights, const RecognitionOptions& options,
                                  const std::string& sourceName);

}  // namespace reslens
