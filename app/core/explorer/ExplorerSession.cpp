#include "app/core/explorer/ExplorerSession.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <limits>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "app/core/models/ModelCatalog.h"
#include "app/core/runtime/ComputeThreads.h"
#include "app/core/runtime/MemoryBudget.h"
#include "imaging/CamOverlay.h"
#include "imaging/FeatureGrid.h"
#include "imaging/ImageDecoder.h"
#include "imaging/ImagePreprocessor.h"
#include "model/network/LesionMask.h"
#include "model/runtime/DeviceSelection.h"
#include "model/runtime/InputError.h"
#include "model/tracing/Classifier.h"
#include "model/tracing/FeatureCaptureProbe.h"
#include "model/tracing/GradCam.h"

namespace reslens {
namespace {

// Images per forward: enough to use the cores, small enough for ImageNet-sized inputs.
constexpr size_t kBatch = 16;

// Mean, standard deviation (population), minimum and maximum of each channel of a [C, H, W]
// float tensor, in one pass per channel accumulated in double. A NaN in a channel makes all
// four NaN, as torch's reductions do.
std::vector<ChannelStatistics> channelStatistics(const torch::Tensor& maps) {
    const torch::Tensor x = maps.to(torch::kFloat).contiguous();
    const int64_t channels = x.size(0), plane = x[0].numel();
    const float* data = x.data_ptr<float>();
    std::vector<ChannelStatistics> out(static_cast<size_t>(channels));
    // On one thread, as the grid: it runs while the window draws (FeatureGrid.cpp).
    for (int64_t c = 0; c < channels; ++c) {
        const float* v = data + c * plane;
        double sum = 0, squares = 0;
        float low = std::numeric_limits<float>::infinity(), high = -low;
        bool nan = false;
        for (int64_t i = 0; i < plane; ++i) {
            nan |= std::isnan(v[i]);
            sum += v[i];
            squares += double(v[i]) * v[i];
            low = std::min(low, v[i]);
            high = std::max(high, v[i]);
        }
        const double n = double(std::max<int64_t>(plane, 1)), mean = sum / n;
        const double nanValue = std::numeric_limits<double>::quiet_NaN();
        out[static_cast<size_t>(c)] = {
            static_cast<int>(c), nan ? nanValue : mean,
            nan ? nanValue : std::sqrt(std::max(0.0, squares / n - mean * mean)),
            nan ? nanValue : double(low), nan ? nanValue : double(high)};
    }
    return out;
}

// Forwards made while it lives leave the probe's tensors as they are (a batch, or Grad-CAM's
// own forward), so that render() still shows the last classify()'s image.
class PausedCapture {
public:
    explicit PausedCapture(FeatureCaptureProbe* probe) : probe_(probe) {
        if (probe_) {
            probe_->setPaused(true);
        }
    }
    ~PausedCapture() {
        if (probe_) {
            probe_->setPaused(false);
        }
    }
    PausedCapture(const PausedCapture&) = delete;
    PausedCapture& operator=(const PausedCapture&) = delete;

private:
    FeatureCaptureProbe* probe_;
};

// Navigator entries run from 0 (the stem) to blocks + 1 (the head).
void checkEntry(int entry, int blocks) {
    if (entry < 0 || entry > blocks + 1 || blocks == 0) {
        throw InputError("no navigator entry " + std::to_string(entry) + " (0.." +
                         std::to_string(blocks + 1) + ")");
    }
}

}  // namespace

struct ExplorerSession::State {
    explicit State(const ResourceSource& resources) : catalog(resources) {}

    ModelCatalog catalog;
    bool captureFeatures = false;
    bool cropToObject = true;
    LoadedModel model;
    OpenedModel opened;
    std::string deviceName = "cpu";
    torch::Device device{torch::kCPU};
    std::unique_ptr<FeatureCaptureProbe> capture;
    torch::Tensor lastInput;  // the last classify()'s prepared [C, H, W], for Grad-CAM
    cv::Mat lastView;

    PreparedImage prepare(const DecodedImage& image) const {
        Preprocessing preparation = model.metadata.preprocessing;
        if (!cropToObject) {
            preparation.framing = Framing::WholeImage;
        }
        return prepareImage(image, preparation);
    }

    ClassificationResult resultFor(const PreparedImage& prepared, const Prediction& p,
                                   double milliseconds) const {
        ClassificationResult result;
        for (const ClassScore& score : p.top) {
            result.top.push_back(
                {score.index, model.metadata.label(score.index), score.probability});
        }
        result.logits = p.logits;
        result.blocks = p.blocks;
        result.networkView = prepared.networkView;
        result.inverted = prepared.inverted;
        if (prepared.object.found) {
            result.objectBox = prepared.object.box;
        }
        result.croppedToObject = prepared.croppedToObject;
        result.window = prepared.window;
        result.inputShape = prepared.tensor.sizes().vec();
        result.milliseconds = milliseconds;
        return result;
    }
};

ExplorerSession::ExplorerSession(const ResourceSource& resources, bool captureFeatures)
    : state_(std::make_unique<State>(resources)) {
    state_->captureFeatures = captureFeatures;
}

ExplorerSession::~ExplorerSession() = default;

std::vector<std::string> ExplorerSession::availableDevices() {
    return reslens::availableDevices();
}

std::string ExplorerSession::cudaUnavailableReason() {
    return reslens::cudaUnavailableReason();
}

OpenedModel ExplorerSession::open(const ModelRequest& request, const std::string& commandLine) {
    ComputeThreads::Scope scope;
    const ModelRequest pinned = ModelCatalog::pin(request);
    LoadedModel model = state_->catalog.open(pinned, commandLine);
    model.network->to(state_->device);
    model.network->eval();

    OpenedModel opened;
    opened.request = pinned;
    opened.request.bytes.clear();
    opened.summary = summarize(*model.network);
    opened.labels = model.metadata.labels;
    opened.preprocessing = model.metadata.preprocessing;
    opened.provenance = model.metadata.provenance;
    for (const auto& block : model.network->blocks()) {
        opened.blockNames.push_back(block->info().name);
    }

    // Replace the old model only once the new one is complete.
    state_->capture.reset();
    state_->lastInput = torch::Tensor();
    state_->lastView = cv::Mat();
    state_->model = std::move(model);
    state_->opened = opened;
    if (state_->captureFeatures) {
        state_->capture = std::make_unique<FeatureCaptureProbe>(*state_->model.network);
        const Preprocessing& preparation = opened.preprocessing;
        state_->capture->setHalfPrecision(explorerCapturesInHalfPrecision(
            opened.summary, preparation.cropHeight, preparation.cropWidth));
    }
    return opened;
}

void ExplorerSession::setBypassed(const std::set<std::string>& blocks) {
    if (!hasModel()) {
        throw InputError("no model is open");
    }
    LesionMask(blocks).applyTo(*state_->model.network);
}

std::set<std::string> ExplorerSession::bypassed() const {
    return hasModel() ? LesionMask::of(*state_->model.network).blocks() : std::set<std::string>{};
}

bool ExplorerSession::hasModel() const {
    return !state_->model.network.is_empty();
}

const OpenedModel& ExplorerSession::model() const {
    if (!hasModel()) {
        throw InputError("no model is open");
    }
    return state_->opened;
}

void ExplorerSession::setDevice(const std::string& name) {
    ComputeThreads::Scope scope;
    const torch::Device device = parseDevice(name);
    if (hasModel()) {
        state_->model.network->to(device);
    }
    state_->device = device;
    state_->deviceName = name;
}

const std::string& ExplorerSession::device() const {
    return state_->deviceName;
}

void ExplorerSession::setCropToObject(bool enabled) {
    state_->cropToObject = enabled;
}

bool ExplorerSession::cropToObject() const {
    return state_->cropToObject;
}

ClassificationResult ExplorerSession::classify(const DecodedImage& image, int topK) {
    if (!hasModel()) {
        throw InputError("no model is open");
    }
    requireForwardFits();
    ComputeThreads::Scope scope;
    const auto start = std::chrono::steady_clock::now();
    const PreparedImage prepared = state_->prepare(image);
    const auto prepared_at = std::chrono::steady_clock::now();
    std::vector<Prediction> predictions;
    // The previous image's captures go first: kept while the new ones are made, both sets
    // and the forward's own activations would be resident together.
    if (state_->capture) {
        state_->capture->clear();
    }
    {
        torch::InferenceMode inference;
        predictions = reslens::classify(*state_->model.network,
                                        prepared.tensor.unsqueeze(0).to(state_->device), topK);
    }
#ifdef __GLIBC__
    // The forward's transient activations are freed by now; without a trim glibc may keep
    // the freed heap pages resident. Before this and the clear() above, resnet152 at
    // 448x448 left 65 MB more resident after its second image than after its first. Only
    // for captures this large: the next forward faults the pages in again, which costs
    // milliseconds that a small model's latency would feel.
    if (state_->capture && state_->capture->halfPrecision()) {
        malloc_trim(0);
    }
#endif
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    state_->lastInput = prepared.tensor;
    state_->lastView = prepared.networkView;
    ClassificationResult result = state_->resultFor(prepared, predictions.front(), ms);
    result.prepareMilliseconds =
        std::chrono::duration<double, std::milli>(prepared_at - start).count();
    result.forwardMilliseconds = ms - result.prepareMilliseconds;
    return result;
}

void ExplorerSession::requireForwardFits() const {
    const Preprocessing& preparation = state_->opened.preprocessing;
    const int64_t bytes = explorerForwardBytes(state_->opened.summary, preparation.cropHeight,
                                               preparation.cropWidth, state_->captureFeatures);
    // Only host memory is estimated; a CUDA device reports its own out-of-memory error.
    if (state_->device.is_cpu()) {
        requireMemory(bytes, availableMemoryBytes(),
                      state_->opened.summary.config.arch + " at " +
                          std::to_string(preparation.cropHeight) + "×" +
                          std::to_string(preparation.cropWidth));
    }
}

std::vector<ClassificationResult> ExplorerSession::classifyAll(
    const std::vector<DecodedImage>& images, int topK) {
    if (!hasModel()) {
        throw InputError("no model is open");
    }
    ComputeThreads::Scope scope;
    std::vector<PreparedImage> prepared;
    prepared.reserve(images.size());
    for (const DecodedImage& image : images) {
        prepared.push_back(state_->prepare(image));
    }
    // The last classify()'s tensors stay for render(); a batch's are not kept.
    PausedCapture paused(state_->capture.get());
    std::vector<ClassificationResult> results;
    for (size_t start = 0; start < prepared.size(); start += kBatch) {
        const size_t end = std::min(prepared.size(), start + kBatch);
        std::vector<torch::Tensor> tensors;
        for (size_t i = start; i < end; ++i) {
            tensors.push_back(prepared[i].tensor);
        }
        const std::vector<Prediction> predictions =
            reslens::classify(*state_->model.network, torch::stack(tensors), topK);
        for (size_t i = start; i < end; ++i) {
            results.push_back(state_->resultFor(prepared[i], predictions[i - start], 0));
        }
    }
    return results;
}

bool ExplorerSession::hasImage() const {
    return state_->lastInput.defined();
}

CamRendering ExplorerSession::gradCam(const CamQuery& query) {
    const std::vector<std::string>& names = model().blockNames;
    const int blocks = static_cast<int>(names.size());
    checkEntry(query.entry, blocks);
    if (!state_->lastInput.defined()) {
        throw InputError("no image has been classified yet");
    }
    ComputeThreads::Scope scope;
    PausedCapture paused(state_->capture.get());
    CamRendering rendering;
    rendering.target = query.entry == 0 ? std::string(kStemTarget)
                                        : names[size_t(std::min(query.entry, blocks) - 1)];
    const GradCam cam =
        computeGradCam(*state_->model.network, state_->lastInput.unsqueeze(0).to(state_->device),
                       rendering.target, query.classIndex);
    rendering.explained = {cam.classIndex, state_->model.metadata.label(cam.classIndex),
                           cam.probability};
    rendering.height = static_cast<int>(cam.cam.size(0));
    rendering.width = static_cast<int>(cam.cam.size(1));
    rendering.cam.assign(cam.cam.data_ptr<float>(), cam.cam.data_ptr<float>() + cam.cam.numel());
    if (query.drawOverlay) {
        rendering.overlay = renderCamOverlay(state_->lastView, cam.cam);
    }
    return rendering;
}

int ExplorerSession::entryOf(const std::string& blockName) const {
    const std::vector<std::string>& names = model().blockNames;
    for (size_t i = 0; i < names.size(); ++i) {
        if (names[i] == blockName) {
            return static_cast<int>(i) + 1;
        }
    }
    throw InputError(
        "no block '" + blockName + "' in " + state_->model.metadata.config.arch + " (" +
        (names.empty() ? std::string("it has none") : names.front() + " ... " + names.back()) +
        ")");
}

BlockRendering ExplorerSession::render(const BlockQuery& query) const {
    BlockRendering rendering;
    const std::vector<std::string>& names = model().blockNames;
    const int blocks = static_cast<int>(names.size());
    checkEntry(query.entry, blocks);
    if (!state_->capture || state_->capture->captured().empty()) {
        rendering.status = BlockRendering::Status::NoImageYet;
        return rendering;
    }
    ComputeThreads::Scope scope;
    torch::InferenceMode inference;
    const auto& captured = state_->capture->captured();
    torch::Tensor maps;
    if (query.entry == 0) {
        rendering.place = BlockRendering::Place::Stem;
        rendering.blockName = names.front();
        maps = captured.at(names.front()).input;
    } else if (query.entry == blocks + 1) {
        rendering.place = BlockRendering::Place::Head;
        rendering.blockName = names.back();
        maps = captured.at(names.back()).output;
    } else {
        rendering.blockName = names[size_t(query.entry - 1)];
        const CapturedBlock& block = captured.at(rendering.blockName);
        switch (query.tensor) {
            case TensorKind::Input:
                maps = block.input;
                break;
            case TensorKind::Residual:
                if (state_->model.network->block(rendering.blockName)->bypassed()) {
                    rendering.status = BlockRendering::Status::Bypassed;
                    return rendering;
                }
                maps = block.residual;
                break;
            case TensorKind::Shortcut:
                maps = block.shortcut;
                break;
            case TensorKind::Output:
                maps = block.output;
                break;
        }
        if (!maps.defined()) {
            rendering.status = BlockRendering::Status::NoShortcut;
            return rendering;
        }
    }
    // One copy to plain [C, H, W] float (captures may be channels-last or half precision),
    // read by the grid and the statistics alike.
    const torch::Tensor first = maps.select(0, 0).to(torch::kCPU, torch::kFloat).contiguous();
    FeatureGridOptions options;
    options.colormap = query.colormap;
    options.normalization = query.normalization;
    options.columns = query.columns;
    options.minTileSize = query.minTileSize;
    if (query.sortByActivation) {
        options.channelOrder = channelsByMeanActivation(first);
    }
    const FeatureGrid grid = renderFeatureGrid(first, options);
    rendering.status = BlockRendering::Status::Rendered;
    rendering.shape = first.sizes().vec();
    rendering.grid = grid.image;
    rendering.columns = grid.columns;
    rendering.rows = grid.rows;
    rendering.tileWidth = grid.tileWidth;
    rendering.tileHeight = grid.tileHeight;
    rendering.gap = grid.gap;
    rendering.channels.assign(grid.channels.begin(), grid.channels.end());
    rendering.statistics = channelStatistics(first);
    return rendering;
}

}  // namespace reslens
