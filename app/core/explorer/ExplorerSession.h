#pragma once

// The explorer, without a window: holds one opened model on a device, classifies decoded
// images with per-block statistics (keeping every block's tensors when asked, for feature
// maps), renders any block's tensor as a feature grid with per-channel statistics, and
// computes Grad-CAM at any block.
// The app's InferenceWorker and reslens-cli's classify and features are thin faces on it.
// Not thread-safe: one thread uses a session (the app's inference thread).

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/core/explorer/ExplorerTypes.h"
#include "app/core/models/ResourceSource.h"

namespace reslens {

struct DecodedImage;

class ExplorerSession {
public:
    // captureFeatures: keep every block's tensors from the last classification, for render().
    ExplorerSession(const ResourceSource& resources, bool captureFeatures);
    ~ExplorerSession();
    ExplorerSession(const ExplorerSession&) = delete;
    ExplorerSession& operator=(const ExplorerSession&) = delete;

    // "cpu" and every CUDA device this LibTorch sees; why CUDA cannot be used, or "".
    static std::vector<std::string> availableDevices();
    static std::string cudaUnavailableReason();

    // Opens the model on the session's device. The previous model stays until the new one
    // is complete: a failure (InputError, ConfigError, ...) leaves the session as it was.
    OpenedModel open(const ModelRequest& request, const std::string& commandLine = {});
    bool hasModel() const;
    const OpenedModel& model() const;  // throws InputError when none is open

    // Moves the model (and later ones) to the device. Throws InputError for a device this
    // LibTorch cannot use; the session then stays on its device.
    void setDevice(const std::string& device);
    const std::string& device() const;

    // Whether images are cropped to their object when the model's preparation says so
    // (Framing::CropToObject, Fashion-MNIST's); off, the whole frame is taken, as
    // torchvision's eval transform would. On by default; kept across models.
    void setCropToObject(bool enabled);
    bool cropToObject() const;

    // Blocks bypassed in every classification from now on — a live lesion (Veit et al.
    // 2016; LesionMask). The empty set restores the network exactly. Throws InputError for
    // a block the model lacks (nothing changes then). Opening another model clears it.
    void setBypassed(const std::set<std::string>& blocks);
    std::set<std::string> bypassed() const;

    // Prepares and classifies one image (capturing its tensors when the session does).
    ClassificationResult classify(const DecodedImage& image, int topK);
    // Many images, in forward batches of up to 16; every image is prepared first, so a bad
    // one fails the call before any forward. Captures nothing: render() still shows the last
    // classify()'s image.
    std::vector<ClassificationResult> classifyAll(const std::vector<DecodedImage>& images,
                                                  int topK);

    // One block's tensor from the last classify(). Throws InputError for an entry or block
    // that does not exist.
    BlockRendering render(const BlockQuery& query) const;
    // Whether an image was classified since the model was opened (render() and gradCam()
    // have something to show).
    bool hasImage() const;
    // Grad-CAM of the last classify()'s image (GradCam.h), drawn over the network's view.
    // Throws InputError before any image, for an entry or (from computeGradCam) a class
    // that does not exist.
    CamRendering gradCam(const CamQuery& query);
    // The navigator entry of a block name (1..N). Throws InputError naming the blocks.
    int entryOf(const std::string& blockName) const;

private:
    // Throws InputError, before anything is allocated, when one forward of the open model at
    // its input size (with every block captured, as the explorer does) would not fit in the
    // memory that is free (MemoryBudget.h).
    void requireForwardFits() const;

    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace reslens
