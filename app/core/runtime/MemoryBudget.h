#pragma once

// Whether one forward of the explorer fits in memory, asked before anything is allocated.
// On Linux an allocation larger than memory usually succeeds and the kernel's OOM killer
// ends the process later, so "allocate and catch" cannot work: the size is estimated from
// the architecture's output shapes and compared with what the system says is available.

#include <cstdint>
#include <optional>
#include <string>

#include "model/network/ArchitectureSummary.h"

namespace reslens {

// MemAvailable of /proc/meminfo: what can be allocated without swapping. nullopt where
// the system does not say.
std::optional<int64_t> availableMemoryBytes();

// What the explorer's captures of every block (F(x), output, projection) keep for one image
// at height x width in float32. The shapes are the summary's, scaled from its configured
// input size.
int64_t explorerCaptureBytes(const ArchitectureSummary& summary, int64_t height, int64_t width);

// Captures larger than this are kept as half-precision display copies: resnet50 at 224x224
// (about 90 MB) stays exact, resnet152 at 448x448 (about 900 MB in float32) halves.
constexpr int64_t kFullPrecisionCaptureBytes = int64_t(256) << 20;
bool explorerCapturesInHalfPrecision(const ArchitectureSummary& summary, int64_t height,
                                     int64_t width);

// What one forward of a single image at height x width adds at its peak: the float32
// activations, the inference fast path's folded copy of the weights (made on the first
// forward), and with `captureEveryBlock` (the explorer) the captures, at the precision
// explorerCapturesInHalfPrecision chooses.
int64_t explorerForwardBytes(const ArchitectureSummary& summary, int64_t height, int64_t width,
                             bool captureEveryBlock);

// Throws InputError, saying how much is needed and how much is free, when `bytes` is more
// than 90% of the available memory. `what` names the request ("resnet152 at 2048×2048").
void requireMemory(int64_t bytes, std::optional<int64_t> available, const std::string& what);

// "31.4 GB", "512 MB".
std::string byteSizeText(int64_t bytes);

}  // namespace reslens
