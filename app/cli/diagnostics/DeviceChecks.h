#pragma once

// The engine on one device checked against a reference: the same weights and inputs give
// the same logits, per-block statistics and training step (loss, gradient norms, updated
// weights) within stated tolerances, and a short skip / no-skip paired run trains. Used by
// `reslens-cli check-device` and tools/gpu-check.sh: on a GPU, CUDA against the CPU; on a
// CPU-only machine, float32 against a float64 reference (which also runs the statistics'
// generic tensor path that CUDA takes).

#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <cstdint>
#include <string>
#include <vector>

namespace reslens::cli {

struct DeviceCheckOptions {
    c10::Device device = c10::Device(c10::kCPU);
    c10::Device referenceDevice = c10::Device(c10::kCPU);
    c10::ScalarType referenceType = c10::kFloat;
    int pairedSteps = 20;
    uint64_t seed = 0;
};

struct CheckResult {
    std::string name;
    std::string measure;  // what `value` is, in words
    double value = 0;
    double tolerance = 0;  // passes when value <= tolerance
    bool passed = false;
    std::string detail;
};

std::vector<CheckResult> runDeviceChecks(const DeviceCheckOptions& options);

}  // namespace reslens::cli
