#pragma once

// What a user states about their own network when importing it, in plain values (both faces
// build these): which dict of tensors to take, what the weights cannot say about the stem
// and option A, and how its images were prepared (torchvision.transforms.Normalize's mean
// and std, the input size). Unset values take the defaults the import report names.

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/network/ResNetConfig.h"

namespace reslens {

struct Preprocessing;

struct ImportSettings {
    std::string key;
    std::optional<int> stemPoolStride;  // 0: no max-pool
    std::optional<ZeroPadPlacement> zeroPad;
    std::optional<std::vector<double>> mean;
    std::optional<std::vector<double>> std;
    std::optional<std::pair<int, int>> input;  // height, width
    // How long a TorchScript file may take to load in reslens-loader before it is stopped.
    double loadSeconds = 60;
    // Set from another thread to stop a TorchScript load in progress (a Cancel button).
    std::shared_ptr<std::atomic<bool>> cancelLoad;

    // The parsers of the CLI's flags and the import dialog's fields; each throws InputError
    // with one line naming the value.
    static int parseStemPoolStride(const std::string& text);         // "1", "2", "none"
    static ZeroPadPlacement parseZeroPad(const std::string& text);   // "end", "both"
    static std::vector<double> parseTriple(const std::string& text,  // "0.5,0.5,0.5"
                                           const std::string& what);

    // The input size and normalisation stated, applied to the detected network. Throws
    // InputError when they do not fit it (a mean for 3 channels on a 1-channel network).
    void applyTo(ResNetConfig& config) const;
    void applyTo(Preprocessing& preprocessing) const;
};

}  // namespace reslens
