#include "model/checkpoint/ResNetRecognizer.h"

#include <torch/torch.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "model/network/ResNet.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

enum class LayerKind { Conv, BatchNorm, Linear, Other };

// One module of the file: its parameters and buffers by their last name component.
struct Layer {
    std::string path;
    LayerKind kind = LayerKind::Other;
    std::map<std::string, const NamedTensor*> tensors;
    size_t order = 0;

    bool has(const std::string& name) const { return tensors.count(name) > 0; }
    const torch::Tensor& get(const std::string& name) const { return tensors.at(name)->tensor; }
    const torch::Tensor& weight() const { return get("weight"); }
    int64_t outChannels() const { return weight().size(0); }
    int kernel() const { return static_cast<int>(weight().size(2)); }
    int64_t channels() const { return get("running_mean").size(0); }  // a batch norm's
};

std::vector<std::string> split(const std::string& path) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        const size_t dot = path.find('.', start);
        parts.push_back(path.substr(start, dot - start));
        if (dot == std::string::npos) {
            return parts;
        }
        start = dot + 1;
    }
}

std::string join(const std::vector<std::string>& parts, size_t count) {
    std::string path;
    for (size_t i = 0; i < count; ++i) {
        path += (i ? "." : "") + parts[i];
    }
    return path;
}

bool isNumber(const std::string& text) {
    return !text.empty() && text.size() < 9 &&
           std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

// "layer10" after "layer9": numbers inside names compare as numbers.
bool naturalLess(const std::string& a, const std::string& b) {
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (std::isdigit(static_cast<unsigned char>(a[i])) &&
            std::isdigit(static_cast<unsigned char>(b[j]))) {
            size_t ie = i, je = j;
            while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie])))
                ++ie;
            while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je])))
                ++je;
            const std::string na = a.substr(i, ie - i), nb = b.substr(j, je - j);
            if (na.size() != nb.size())
                return na.size() < nb.size();
            if (na != nb)
                return na < nb;
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j])
                return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

std::string shapeText(const torch::Tensor& t) {
    std::string text;
    for (int64_t d : t.sizes()) {
        text += (text.empty() ? "" : "x") + std::to_string(d);
    }
    return "[" + text + "]";
}

struct Block {
    std::string path;       // "layer1.0"
    std::string container;  // "layer1"
    std::vector<const Layer*> layers;
};

struct AnalysedBlock {
    std::string path;
    std::string container;
    BlockKind kind = BlockKind::Basic;
    int64_t in = 0, out = 0, inner = 0;
    int groups = 1;
    std::vector<const Layer*> convs;    // branch, in flow order
    std::vector<const Layer*> norms;    // branch batch norms, by ResLens index (bn1..)
    std::vector<int> normSlots;         // the ResLens index (1-based) of each norm
    const Layer* projection = nullptr;  // shortcut convolution
    const Layer* projectionNorm = nullptr;
};

class Recognizer {
public:
    Recognizer(const OrderedWeights& weights, const RecognitionOptions& options, std::string source)
        : weights_(weights), options_(options), source_(std::move(source)) {}

    RecognizedNetwork run() {
        buildLayers();
        findBlocks();
        placeStemAndHead();
        preact_ = headNorm_ != nullptr;
        batchNorm_ = stemNorm_ != nullptr;
        int64_t in = stemConv_->outChannels();
        for (const Block& block : blocks_) {
            requireForwardEndFits(block);
            analysed_.push_back(analyse(block, in, analysed_.empty()));
            in = analysed_.back().out;
        }
        buildConfig();
        mapWeights();
        return std::move(result_);
    }

private:
    [[noreturn]] void refuse(const std::string& why) const {
        throw InputError(source_ + " is not a ResNet ResLens can rebuild: " + why);
    }

    void buildLayers() {
        std::map<std::string, size_t> index;
        for (const NamedTensor& named : weights_) {
            const size_t dot = named.key.rfind('.');
            if (dot == std::string::npos) {
                refuse("'" + named.key + "' is a tensor outside any module");
            }
            const std::string path = named.key.substr(0, dot);
            auto found = index.find(path);
            if (found == index.end()) {
                found = index.emplace(path, layers_.size()).first;
                layers_.emplace_back();
                layers_.back().path = path;
                layers_.back().order = layers_.size();
            }
            layers_[found->second].tensors[named.key.substr(dot + 1)] = &named;
        }
        if (options_.keysSortedByName) {
            std::stable_sort(layers_.begin(), layers_.end(), [](const Layer& a, const Layer& b) {
                return naturalLess(a.path, b.path);
            });
            for (size_t i = 0; i < layers_.size(); ++i) {
                layers_[i].order = i;
            }
        }
        for (Layer& layer : layers_) {
            if (layer.has("running_mean") && layer.has("running_var") &&
                layer.get("running_mean").dim() == 1) {
                layer.kind = LayerKind::BatchNorm;
                for (const char* name : {"weight", "bias", "running_var"}) {
                    if (layer.has(name) &&
                        layer.get(name).sizes() != layer.get("running_mean").sizes()) {
                        refuse("the batch norm '" + layer.path + "' has a " + name + " of shape " +
                               shapeText(layer.get(name)));
                    }
                }
            } else if (layer.has("weight") && layer.weight().dim() == 4) {
                layer.kind = LayerKind::Conv;
                if (layer.weight().size(2) != layer.weight().size(3) ||
                    layer.weight().size(2) % 2 == 0) {
                    refuse("the convolution '" + layer.path + "' has a " +
                           std::to_string(layer.weight().size(2)) + "x" +
                           std::to_string(layer.weight().size(3)) +
                           " kernel (ResNets use square, odd ones)");
                }
            } else if (layer.has("weight") && layer.weight().dim() == 2) {
                layer.kind = LayerKind::Linear;
            }
        }
    }

    // Stage containers: a path whose numbered children each hold two or more convolutions.
    void findBlocks() {
        std::map<std::string, int> convsUnder;
        std::map<std::string, std::set<std::string>> children;  // container -> block paths
        for (const Layer& layer : layers_) {
            const auto parts = split(layer.path);
            for (size_t i = 1; i < parts.size(); ++i) {
                if (isNumber(parts[i])) {
                    const std::string block = join(parts, i + 1);
                    children[join(parts, i)].insert(block);
                    convsUnder[block] += layer.kind == LayerKind::Conv ? 1 : 0;
                }
            }
            if (!parts.empty() && isNumber(parts[0])) {  // a bare nn.Sequential of blocks
                children[""].insert(parts[0]);
                convsUnder[parts[0]] += layer.kind == LayerKind::Conv ? 1 : 0;
            }
        }
        std::vector<std::string> containers;
        for (const auto& [container, blocks] : children) {
            if (std::all_of(blocks.begin(), blocks.end(),
                            [&](const std::string& b) { return convsUnder[b] >= 2; })) {
                containers.push_back(container);
            }
        }
        // The innermost: a container whose numbered children hold containers of blocks
        // themselves is a list of stages (body.0.0 inside body.0 inside body).
        std::map<std::string, std::string> blockOf;  // block path -> container
        for (const auto& container : containers) {
            bool outer = false;
            for (const auto& other : containers) {
                for (const auto& block : children[container]) {
                    if (other != container &&
                        (other == block || other.rfind(block + ".", 0) == 0)) {
                        outer = true;
                    }
                }
            }
            if (!outer) {
                for (const auto& block : children[container]) {
                    blockOf[block] = container;
                }
            }
        }
        for (const Layer& layer : layers_) {
            const auto parts = split(layer.path);
            std::string owner;
            for (size_t i = 1; i <= parts.size() && owner.empty(); ++i) {
                if (blockOf.count(join(parts, i))) {
                    owner = join(parts, i);
                }
            }
            if (owner.empty()) {
                continue;
            }
            if (blocks_.empty() || blocks_.back().path != owner) {
                for (const Block& earlier : blocks_) {
                    if (earlier.path == owner) {
                        refuse("the layers of block '" + owner + "' are not stored together");
                    }
                }
                blocks_.push_back(Block{owner, blockOf[owner], {}});
            }
            blocks_.back().layers.push_back(&layer);
        }
        if (blocks_.empty()) {
            std::vector<const Layer*> convs;
            for (const Layer& layer : layers_) {
                if (layer.kind == LayerKind::Conv)
                    convs.push_back(&layer);
            }
            const std::string blocks =
                "no residual blocks (numbered modules holding two or more "
                "convolutions, like layer1.0)";
            if (convs.size() >= 2) {
                refuse("'" + convs[1]->path + "' follows the stem convolution '" + convs[0]->path +
                       "' outside any residual block: " + blocks + " were found");
            }
            refuse(blocks + " were found");
        }
    }

    void placeStemAndHead() {
        std::set<const Layer*> inBlocks;
        for (const Block& block : blocks_) {
            inBlocks.insert(block.layers.begin(), block.layers.end());
        }
        const size_t first = blocks_.front().layers.front()->order;
        const size_t last = blocks_.back().layers.back()->order;
        std::vector<const Layer*> stem, head;
        for (const Layer& layer : layers_) {
            if (inBlocks.count(&layer)) {
                continue;
            }
            if (layer.order < first) {
                stem.push_back(&layer);
            } else if (layer.order > last || options_.keysSortedByName) {
                head.push_back(&layer);
            } else {
                refuse("'" + layer.path +
                       "' lies between residual blocks, where ResLens expects "
                       "only blocks");
            }
        }
        if (options_.keysSortedByName) {
            // A header sorted by name says nothing of the order ("bn1" < "conv1" < "fc" <
            // "layer1"): the stem's and head's layers are told apart by kind and width.
            placeByKind(stem, head);
            return;
        }
        for (const Layer* layer : stem) {
            if (layer->kind == LayerKind::Conv && !stemConv_) {
                stemConv_ = layer;
            } else if (layer->kind == LayerKind::BatchNorm && stemConv_ && !stemNorm_) {
                stemNorm_ = layer;
            } else {
                refuse("'" + layer->path +
                       "' in the stem: expected one convolution and its batch "
                       "norm before '" +
                       blocks_.front().path + "'");
            }
        }
        if (!stemConv_) {
            refuse("no stem convolution before the first block '" + blocks_.front().path + "'");
        }
        for (const Layer* layer : head) {
            if (layer->kind == LayerKind::BatchNorm && !headNorm_ && !classifier_) {
                headNorm_ = layer;
            } else if (layer->kind == LayerKind::Linear && !classifier_) {
                classifier_ = layer;
            } else {
                refuse(
                    "'" + layer->path +
                    "' after the last block: expected only the classifier "
                    "(one linear layer), and for pre-activation networks a batch norm before it");
            }
        }
        if (!classifier_) {
            refuse("no classifier (a linear layer) after the last block '" + blocks_.back().path +
                   "'");
        }
    }

    void requireForwardEndFits(const Block& block) const {
        const auto end = options_.blockEnds.find(block.path);
        if (end == options_.blockEnds.end()) {
            return;
        }
        if (end->second == ForwardEnd::Relu && preact_) {
            refuse("block '" + block.path +
                   "' ends in a ReLU after its sum (its TorchScript graph), "
                   "but the batch norm before the classifier reads as a pre-activation network");
        }
        if (end->second == ForwardEnd::Add && !preact_) {
            refuse("block '" + block.path +
                   "' ends in its sum with no ReLU after it (its "
                   "TorchScript graph), a pre-activation block, but the network has no batch "
                   "norm before the classifier, which ResLens's pre-activation networks end with");
        }
    }

    void placeByKind(const std::vector<const Layer*>& stem, const std::vector<const Layer*>& head) {
        std::vector<const Layer*> outside = stem;
        outside.insert(outside.end(), head.begin(), head.end());
        std::vector<const Layer*> norms;
        for (const Layer* layer : outside) {
            if (layer->kind == LayerKind::Conv && !stemConv_) {
                stemConv_ = layer;
            } else if (layer->kind == LayerKind::Linear && !classifier_) {
                classifier_ = layer;
            } else if (layer->kind == LayerKind::BatchNorm && norms.size() < 2) {
                norms.push_back(layer);
            } else {
                refuse("'" + layer->path +
                       "' outside the blocks: expected the stem's convolution "
                       "and batch norm, the classifier, and for pre-activation networks a batch "
                       "norm before it");
            }
        }
        if (!stemConv_) {
            refuse("no stem convolution outside the blocks");
        }
        if (!classifier_) {
            refuse("no classifier (a linear layer) outside the blocks");
        }
        for (const Layer* norm : norms) {
            if (!stemNorm_ && norm->channels() == stemConv_->outChannels()) {
                stemNorm_ = norm;
            } else {
                headNorm_ = norm;
            }
        }
    }

    static std::string group(const Layer& layer, const std::string& blockPath) {
        std::string relative = layer.path.substr(blockPath.size() + 1);
        const size_t dot = relative.rfind('.');
        return dot == std::string::npos ? "" : relative.substr(0, dot);
    }
    // "conv2" -> 2, "bn1" -> 1; -1 when the name does not end in a number after letters.
    static int nameNumber(const Layer& layer) {
        const std::string last = split(layer.path).back();
        size_t digits = last.size();
        while (digits > 0 && std::isdigit(static_cast<unsigned char>(last[digits - 1])))
            --digits;
        if (digits == 0 || digits == last.size() || last.size() - digits > 3)
            return -1;
        return std::stoi(last.substr(digits));
    }

    // Whether `convs` in this order chain from `in` channels (kernels 3,3 or 1,3,1).
    static bool chains(const std::vector<const Layer*>& convs, int64_t in) {
        int64_t channels = in;
        for (const Layer* conv : convs) {
            const int64_t perGroup = conv->weight().size(1);
            if (perGroup <= 0 || channels % perGroup != 0)
                return false;
            const int64_t groups = channels / perGroup;
            if (groups > 1 && (conv->kernel() != 3 || conv->outChannels() % groups != 0))
                return false;
            channels = conv->outChannels();
        }
        std::vector<int> kernels;
        for (const Layer* conv : convs)
            kernels.push_back(conv->kernel());
        return kernels == std::vector<int>{3, 3} || kernels == std::vector<int>{1, 3, 1};
    }

    AnalysedBlock analyse(const Block& block, int64_t in, bool firstBlock) {
        AnalysedBlock result;
        result.path = block.path;
        result.container = block.container;
        result.in = in;
        std::vector<const Layer*> convs, norms;
        for (const Layer* layer : block.layers) {
            if (layer->kind == LayerKind::Conv) {
                convs.push_back(layer);
            } else if (layer->kind == LayerKind::BatchNorm) {
                norms.push_back(layer);
            } else {
                refuse("'" + layer->path + "' inside block '" + block.path +
                       "': a ResNet block holds only convolutions and batch norms (" +
                       (layer->kind == LayerKind::Linear
                            ? "a linear layer, as in squeeze-and-excitation"
                            : "an unknown module") +
                       ")");
            }
        }
        // The shortcut: none, or one 1x1 convolution mapping the block's input to its output.
        struct Choice {
            const Layer* projection;
            std::vector<const Layer*> branch;
        };
        std::vector<Choice> choices;
        std::vector<const Layer*> candidates = {nullptr};
        for (const Layer* conv : convs) {
            if (conv->kernel() == 1)
                candidates.push_back(conv);
        }
        for (const Layer* projection : candidates) {
            std::vector<const Layer*> branch;
            for (const Layer* conv : convs) {
                if (conv != projection)
                    branch.push_back(conv);
            }
            if (!chains(branch, in))
                continue;
            const int64_t out = branch.back()->outChannels();
            if (projection &&
                (projection->outChannels() != out || projection->weight().size(1) != in)) {
                continue;
            }
            choices.push_back({projection, branch});
        }
        if (choices.empty()) {
            std::string kernels;
            for (const Layer* conv : convs) {
                kernels +=
                    (kernels.empty() ? "" : ", ") + conv->path + " " + shapeText(conv->weight());
            }
            refuse(
                "block '" + block.path + "' (input " + std::to_string(in) +
                " channels) is neither a basic block (3x3, 3x3) nor a bottleneck (1x1, 3x3, 1x1) "
                "with an optional 1x1 shortcut: " +
                kernels);
        }
        // Several readings (a bottleneck whose 1x1s have the shortcut's shape): the shortcut
        // is the one kept apart from the branch's 3x3, else the one registered last.
        const Choice* chosen = &choices.front();
        for (const Choice& choice : choices) {
            const Layer* three = choice.branch.size() == 3 ? choice.branch[1] : choice.branch[0];
            if (choice.projection &&
                group(*choice.projection, block.path) != group(*three, block.path)) {
                chosen = &choice;
                break;
            }
            if (choice.projection &&
                (!chosen->projection || choice.projection->order > chosen->projection->order)) {
                chosen = &choice;
            }
        }
        result.projection = chosen->projection;
        result.convs = chosen->branch;
        result.kind = result.convs.size() == 3 ? BlockKind::Bottleneck : BlockKind::Basic;
        result.out = result.convs.back()->outChannels();
        result.inner = result.convs.front()->outChannels();
        result.groups = result.kind == BlockKind::Bottleneck
                            ? static_cast<int>(result.inner / result.convs[1]->weight().size(1))
                            : 1;
        if (result.kind == BlockKind::Basic && result.inner != result.out) {
            refuse("block '" + block.path + "': a basic block whose first convolution has " +
                   std::to_string(result.inner) + " channels and its second " +
                   std::to_string(result.out) + " (ResLens's basic blocks keep one width)");
        }
        if (result.kind == BlockKind::Bottleneck && result.out % 4 != 0) {
            refuse("block '" + block.path + "': a bottleneck with " + std::to_string(result.out) +
                   " output channels, not 4x a stage width");
        }
        // The projection's batch norm: kept apart with it, else the one right after it.
        if (result.projection) {
            for (const Layer* norm : norms) {
                if (norm->channels() == result.out &&
                    group(*norm, block.path) == group(*result.projection, block.path) &&
                    group(*norm, block.path) != group(*result.convs.back(), block.path)) {
                    result.projectionNorm = norm;
                }
            }
            if (!result.projectionNorm && batchNorm_) {
                for (const Layer* norm : norms) {
                    if (norm->order == result.projection->order + 1 &&
                        norm->channels() == result.out) {
                        result.projectionNorm = norm;
                    }
                }
            }
            if (batchNorm_ != (result.projectionNorm != nullptr)) {
                refuse("block '" + block.path + "': the shortcut convolution '" +
                       result.projection->path + "' " +
                       (batchNorm_ ? "has no batch norm after it"
                                   : "has a batch norm the stem lacks"));
            }
        }
        std::vector<const Layer*> branchNorms;
        for (const Layer* norm : norms) {
            if (norm != result.projectionNorm)
                branchNorms.push_back(norm);
        }
        orderBranchNorms(result, branchNorms, block, firstBlock);
        return result;
    }

    // Pairs each branch batch norm with its convolution: after it (post-activation, bn_k
    // follows conv_k) or before it (pre-activation, bn_k precedes conv_k). Named conv1/bn1
    // pairs by number; otherwise by order (left.0 conv, left.1 bn, ...).
    void orderBranchNorms(AnalysedBlock& result, const std::vector<const Layer*>& norms,
                          const Block& block, bool firstBlock) {
        const size_t n = result.convs.size();
        if (!batchNorm_) {
            if (!norms.empty()) {
                refuse("'" + norms.front()->path +
                       "': a batch norm in a block of a network whose "
                       "stem has none");
            }
            return;
        }
        // Post-activation: one after each convolution. Pre-activation: one before each, except
        // in the first block, whose input the stem has just normalised (He et al.'s layout).
        const size_t expected = preact_ && firstBlock ? n - 1 : n;
        if (norms.size() != expected) {
            refuse("block '" + block.path + "' has " + std::to_string(norms.size()) +
                   " batch norms in its branch where " + std::to_string(expected) +
                   " were expected" +
                   (preact_ && firstBlock ? " (a pre-activation network's first block takes its "
                                            "input already normalised by the stem)"
                                          : ""));
        }
        std::vector<const Layer*> ordered = norms;
        bool numbered = true;
        for (const Layer* layer : result.convs)
            numbered = numbered && nameNumber(*layer) >= 0;
        for (const Layer* layer : norms)
            numbered = numbered && nameNumber(*layer) >= 0;
        if (numbered) {
            std::stable_sort(ordered.begin(), ordered.end(), [](const Layer* a, const Layer* b) {
                return nameNumber(*a) < nameNumber(*b);
            });
        } else {
            std::stable_sort(ordered.begin(), ordered.end(),
                             [](const Layer* a, const Layer* b) { return a->order < b->order; });
        }
        result.norms = ordered;
        for (size_t i = 0; i < ordered.size(); ++i) {
            // ResLens's names: post bn_k after conv_k; pre bn_k before conv_k, bn1 on the input.
            const size_t slot = preact_ && firstBlock ? i + 2 : i + 1;
            result.normSlots.push_back(static_cast<int>(slot));
            const Layer* conv = result.convs[slot - 1];
            const int64_t channels =
                preact_ ? (slot == 1 ? result.in : result.convs[slot - 2]->outChannels())
                        : conv->outChannels();
            if (ordered[i]->channels() != channels) {
                refuse("block '" + block.path + "': the batch norm '" + ordered[i]->path +
                       "' has " + std::to_string(ordered[i]->channels()) + " channels where " +
                       std::to_string(channels) + " were expected " +
                       (preact_ ? "before '" : "after '") + conv->path + "'");
            }
        }
    }

    void buildConfig() {
        ResNetConfig& config = result_.config;
        config.block = analysed_.front().kind;
        config.groups = analysed_.front().groups;
        config.preact = preact_;
        config.batchNorm = batchNorm_;
        config.skip = true;
        config.inChannels = static_cast<int>(stemConv_->weight().size(1));
        config.stemWidth = static_cast<int>(stemConv_->outChannels());
        config.stemKernel = stemConv_->kernel();
        const bool large = config.stemKernel >= 7;
        config.family = large ? Family::ImageNet : Family::Cifar;
        config.stemStride = large ? 2 : 1;
        config.stemPoolStride = options_.stemPoolStride.value_or(large ? 2 : 0);
        config.inputHeight = config.inputWidth = large ? 224 : 32;
        result_.assumptions.push_back(
            "stem: " + std::to_string(config.stemKernel) + "x" + std::to_string(config.stemKernel) +
            " convolution with stride " + std::to_string(config.stemStride) + ", " +
            (config.stemPoolStride > 0
                 ? "then a 3x3 max-pool with stride " + std::to_string(config.stemPoolStride)
                 : std::string("no max-pool")) +
            (options_.stemPoolFromGraph ? " (read from the TorchScript graph)"
             : options_.stemPoolStride  ? " (as given)"
                                        : " (the usual for this stem; --stem-pool-stride N|none)"));
        config.blocksPerStage.clear();
        config.stageWidths.clear();
        config.innerWidths.clear();
        bool anyA = false, anyB = false;
        for (size_t i = 0; i < analysed_.size(); ++i) {
            const AnalysedBlock& block = analysed_[i];
            if (block.kind != config.block || block.groups != config.groups) {
                refuse("block '" + block.path + "' is a " + toString(block.kind) + " block with " +
                       std::to_string(block.groups) + " groups, unlike the first block");
            }
            const bool newStage =
                i == 0 || block.container != analysed_[i - 1].container || block.in != block.out;
            const int width =
                static_cast<int>(block.kind == BlockKind::Bottleneck ? block.out / 4 : block.out);
            if (newStage) {
                config.blocksPerStage.push_back(0);
                config.stageWidths.push_back(width);
                config.innerWidths.push_back(static_cast<int>(block.inner));
            } else if (config.innerWidths.back() != block.inner) {
                refuse("block '" + block.path + "' has an inner width of " +
                       std::to_string(block.inner) + " where the rest of its stage has " +
                       std::to_string(config.innerWidths.back()));
            }
            ++config.blocksPerStage.back();
            const bool shapeChanges = block.in != block.out || (newStage && i > 0);
            if (block.projection && !shapeChanges) {
                refuse("block '" + block.path + "' has a projection shortcut '" +
                       block.projection->path + "' although it keeps its shape");
            }
            if (shapeChanges) {
                (block.projection ? anyB : anyA) = true;
            }
        }
        if (anyA && anyB) {
            refuse("some blocks that change shape have a projection shortcut and some do not");
        }
        config.shortcut = anyB ? ShortcutOption::B : ShortcutOption::A;
        if (anyA) {
            config.zeroPad = options_.zeroPad.value_or(ZeroPadPlacement::Both);
            result_.assumptions.push_back(
                std::string("shortcut option A: new channels zero-padded ") +
                (config.zeroPad == ZeroPadPlacement::Both ? "half before and half after x's"
                                                          : "after x's") +
                (options_.zeroPadFromGraph ? " (read from the TorchScript graph)"
                 : options_.zeroPad
                     ? " (as given)"
                     : " (as PyTorch CIFAR code does; --shortcut-a-padding end|both)"));
        }
        bool innerIsWidth = true;
        for (size_t s = 0; s < config.stageWidths.size(); ++s) {
            innerIsWidth = innerIsWidth && config.innerWidths[s] == config.stageWidths[s];
        }
        if (innerIsWidth) {
            config.innerWidths.clear();
        }
        if (config.block == BlockKind::Bottleneck) {
            result_.assumptions.push_back(
                "bottleneck stride on the 3x3 convolution (torchvision's v1.5)");
        }
        if (config.stageWidths.size() > 1) {
            result_.assumptions.push_back("each stage after the first starts with stride 2");
        }
        int depth = 2;
        for (int blocks : config.blocksPerStage)
            depth += blocks * (config.block == BlockKind::Bottleneck ? 3 : 2);
        config.depth = depth;
        if (classifier_->weight().size(1) != analysed_.back().out) {
            refuse("the classifier '" + classifier_->path + "' takes " +
                   std::to_string(classifier_->weight().size(1)) +
                   " features but the last block gives " + std::to_string(analysed_.back().out) +
                   " channels (ResLens pools them globally)");
        }
        if (headNorm_ && headNorm_->channels() != analysed_.back().out) {
            refuse("the batch norm '" + headNorm_->path +
                   "' before the classifier has the wrong width");
        }
        config.classes = static_cast<int>(classifier_->outChannels());
        config.arch = config.canonicalName();
        try {
            config.validate();
        } catch (const ConfigError& error) {
            refuse(error.what());
        }
    }

    void put(const std::string& reslensKey, const Layer* layer, const std::string& name,
             torch::Tensor value, const std::string& note = "") {
        WeightMapping mapping;
        mapping.reslensKey = reslensKey;
        mapping.fileKey = layer && layer->has(name) ? layer->tensors.at(name)->key : "";
        mapping.shape = value.sizes().vec();
        mapping.note = note.empty() && mapping.fileKey.empty() ? "default (not in the file)" : note;
        result_.mapping.push_back(mapping);
        result_.weights[reslensKey] = value;
    }

    // A convolution; its bias goes into `norm`'s running mean when a batch norm follows.
    void putConv(const std::string& prefix, const Layer* conv, const Layer* norm,
                 const std::string& normPrefix) {
        put(prefix + ".weight", conv, "weight", conv->weight());
        if (!batchNorm_) {
            put(prefix + ".bias", conv, "bias",
                conv->has("bias") ? conv->get("bias") : torch::zeros({conv->outChannels()}));
        } else if (conv->has("bias")) {
            if (!norm) {
                refuse("the convolution '" + conv->path +
                       "' has a bias that no batch norm follows");
            }
            foldedBias_[normPrefix] = {conv, conv->get("bias")};
        }
    }

    void putNorm(const std::string& prefix, const Layer* norm) {
        const int64_t c = norm->channels();
        put(prefix + ".weight", norm, "weight",
            norm->has("weight") ? norm->get("weight") : torch::ones({c}));
        put(prefix + ".bias", norm, "bias",
            norm->has("bias") ? norm->get("bias") : torch::zeros({c}));
        torch::Tensor mean = norm->get("running_mean");
        std::string note;
        const auto folded = foldedBias_.find(prefix);
        if (folded != foldedBias_.end()) {
            // BN(conv(x) + b) with mean m equals BN(conv(x)) with mean m - b.
            mean = mean - folded->second.second;
            note = "minus the bias of '" + folded->second.first->path + "'";
        }
        put(prefix + ".running_mean", norm, "running_mean", mean, note);
        put(prefix + ".running_var", norm, "running_var", norm->get("running_var"));
        put(prefix + ".num_batches_tracked", norm, "num_batches_tracked",
            norm->has("num_batches_tracked") ? norm->get("num_batches_tracked").to(torch::kLong)
                                             : torch::zeros({}, torch::kLong));
    }

    void mapWeights() {
        putConv("conv1", stemConv_, stemNorm_, "bn1");
        if (stemNorm_)
            putNorm("bn1", stemNorm_);
        size_t stage = 0, index = 0;
        for (size_t i = 0; i < analysed_.size(); ++i) {
            const AnalysedBlock& block = analysed_[i];
            if (i > 0) {
                const bool newStage =
                    block.container != analysed_[i - 1].container || block.in != block.out;
                if (newStage) {
                    ++stage;
                    index = 0;
                } else {
                    ++index;
                }
            }
            const std::string prefix =
                "layer" + std::to_string(stage + 1) + "." + std::to_string(index) + ".";
            // The norm that follows each convolution, for its bias.
            for (size_t c = 0; c < block.convs.size(); ++c) {
                const int followingSlot =
                    preact_ ? static_cast<int>(c) + 2 : static_cast<int>(c) + 1;
                const Layer* following = nullptr;
                for (size_t k = 0; k < block.norms.size(); ++k) {
                    if (block.normSlots[k] == followingSlot)
                        following = block.norms[k];
                }
                putConv(prefix + "conv" + std::to_string(c + 1), block.convs[c], following,
                        prefix + "bn" + std::to_string(followingSlot));
            }
            if (block.projection) {
                putConv(prefix + "downsample.0", block.projection, block.projectionNorm,
                        prefix + "downsample.1");
            }
            for (size_t k = 0; k < block.norms.size(); ++k) {
                putNorm(prefix + "bn" + std::to_string(block.normSlots[k]), block.norms[k]);
            }
            if (block.projectionNorm)
                putNorm(prefix + "downsample.1", block.projectionNorm);
        }
        if (headNorm_)
            putNorm("final_bn", headNorm_);
        put("fc.weight", classifier_, "weight", classifier_->weight());
        put("fc.bias", classifier_, "bias",
            classifier_->has("bias") ? classifier_->get("bias")
                                     : torch::zeros({classifier_->outChannels()}));
        for (const auto& [normPrefix, bias] : foldedBias_) {
            if (!result_.weights.count(normPrefix + ".running_mean")) {
                refuse("the convolution '" + bias.first->path +
                       "' has a bias that no batch norm follows");
            }
        }
        // Every key of the native network, and nothing else.
        const ResNet network(result_.config);
        const TensorMap native = stateDict(*network);
        for (const auto& [key, tensor] : native) {
            if (!result_.weights.count(key)) {
                refuse("internal: nothing in the file was mapped to " + key);
            }
            if (result_.weights[key].sizes() != tensor.sizes()) {
                refuse("'" + key + "' would take " + shapeText(result_.weights[key]) +
                       " where the "
                       "rebuilt network has " +
                       shapeText(tensor));
            }
        }
        for (const auto& [key, tensor] : result_.weights) {
            if (!native.count(key))
                refuse("internal: " + key + " has no place in the network");
        }
    }

    const OrderedWeights& weights_;
    RecognitionOptions options_;
    std::string source_;
    std::vector<Layer> layers_;
    std::vector<Block> blocks_;
    std::vector<AnalysedBlock> analysed_;
    const Layer* stemConv_ = nullptr;
    const Layer* stemNorm_ = nullptr;
    const Layer* headNorm_ = nullptr;
    const Layer* classifier_ = nullptr;
    bool preact_ = false;
    bool batchNorm_ = true;
    std::map<std::string, std::pair<const Layer*, torch::Tensor>> foldedBias_;
    RecognizedNetwork result_;
};

}  // namespace

RecognizedNetwork recognizeResNet(const OrderedWeights& weights, const RecognitionOptions& options,
                                  const std::string& sourceName) {
    return Recognizer(weights, options, sourceName).run();
}

}  // namespace reslens
