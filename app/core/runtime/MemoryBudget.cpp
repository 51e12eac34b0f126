#include "app/core/runtime/MemoryBudget.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "model/runtime/InputError.h"

namespace reslens {

std::optional<int64_t> availableMemoryBytes() {
    std::ifstream meminfo("/proc/meminfo");
    std::string line;
    while (std::getline(meminfo, line)) {
        if (line.rfind("MemAvailable:", 0) == 0) {
            std::istringstream fields(line.substr(13));
            int64_t kib = 0;
            if (fields >> kib) {
                return kib * 1024;
            }
        }
    }
    return std::nullopt;
}

namespace {

double inputScale(const ResNetConfig& config, int64_t height, int64_t width) {
    return double(height) * double(width) /
           (double(std::max(1, config.inputHeight)) * std::max(1, config.inputWidth));
}

double elementsOf(const Shape3& shape, double scale) {
    return double(shape[0]) * double(shape[1]) * double(shape[2]) * scale;
}

bool halvedAt(int64_t fullPrecisionCaptureBytes) {
    return fullPrecisionCaptureBytes > kFullPrecisionCaptureBytes;
}

}  // namespace

int64_t explorerCaptureBytes(const ArchitectureSummary& summary, int64_t height, int64_t width) {
    const double scale = inputScale(summary.config, height, width);
    double kept = 0;
    for (const BlockAccount& block : summary.blocks) {
        const double out = elementsOf(block.outputShape, scale);
        // F(x) and the output (the input is the previous output), a projection, and a
        // third block-sized tensor for what else stays: measured, resnet50 at 448x448
        // keeps 232 MB where F(x) and outputs alone come to 201 MB (tst_app_layer).
        kept += 3 * out + (block.info.shortcut == ShortcutKind::Projection ? out : 0);
    }
    return static_cast<int64_t>(kept * sizeof(float));
}

bool explorerCapturesInHalfPrecision(const ArchitectureSummary& summary, int64_t height,
                                     int64_t width) {
    return halvedAt(explorerCaptureBytes(summary, height, width));
}

int64_t explorerForwardBytes(const ArchitectureSummary& summary, int64_t height, int64_t width,
                             bool captureEveryBlock) {
    const ResNetConfig& config = summary.config;
    const double scale = inputScale(config, height, width);
    // The stem's first convolution, before the stem's max-pool shrinks each side.
    const double poolStride = std::max(1, config.stemPoolStride);
    const double stemConv = elementsOf(summary.stem.outputShape, scale) * poolStride * poolStride;
    double largest = std::max(stemConv, double(config.inChannels) * height * width);
    for (const BlockAccount& block : summary.blocks) {
        // A bottleneck's widest inner tensor is its output's width; input, inner and output
        // are alive together while the block runs.
        largest = std::max(largest, elementsOf(block.outputShape, scale));
    }
    const double transient = 4 * largest * sizeof(float);  // a block's four tensors
    // The fast path's folded copy of the weights, and half as much again: the dense copies
    // that blocked ones replace are freed, but glibc keeps that memory resident (measured:
    // resnet152 at 224x224 adds 439 MB on its first image, 1.9x its weights with captures).
    const double folded = 1.5 * double(summary.totalParams) * sizeof(float);
    double captured = 0;
    if (captureEveryBlock) {
        const int64_t fullPrecision = explorerCaptureBytes(summary, height, width);
        captured = halvedAt(fullPrecision) ? fullPrecision / 2.0 : double(fullPrecision);
    }
    return static_cast<int64_t>(transient + folded + captured);
}

std::string byteSizeText(int64_t bytes) {
    char text[32];
    if (bytes >= (int64_t(1) << 30)) {
        std::snprintf(text, sizeof text, "%.1f GB", double(bytes) / double(int64_t(1) << 30));
    } else {
        std::snprintf(text, sizeof text, "%.0f MB", double(bytes) / double(1 << 20));
    }
    return text;
}

void requireMemory(int64_t bytes, std::optional<int64_t> available, const std::string& what) {
    if (!available || double(bytes) <= 0.9 * double(*available)) {
        return;
    }
    throw InputError(what + " needs about " + byteSizeText(bytes) + " of memory and " +
                     byteSizeText(*available) +
                     " is free: choose a smaller input size or a smaller network");
}

}  // namespace reslens
