#pragma once

// Devices by name ("cpu", "cuda", "cuda:1"), refused with a reason where this LibTorch
// cannot run them.

#include <c10/core/Device.h>

#include <string>
#include <vector>

namespace reslens {

// Throws InputError: unknown name, CUDA absent from this LibTorch, device index not present.
c10::Device parseDevice(const std::string& name);

// "cpu" and every CUDA device LibTorch sees ("cuda:0", ...).
std::vector<std::string> availableDevices();

// Why CUDA cannot be used here, or empty when it can.
std::string cudaUnavailableReason();

}  // namespace reslens
