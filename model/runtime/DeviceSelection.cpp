#include "model/runtime/DeviceSelection.h"

#include <torch/cuda.h>

#include <algorithm>
#include <cctype>

#include "model/runtime/InputError.h"

namespace reslens {

std::string cudaUnavailableReason() {
    if (!torch::cuda::is_available()) {
        return "this LibTorch has no CUDA support or sees no CUDA device (Debian's LibTorch is "
               "CPU-only; build ResLens against a CUDA LibTorch to use a GPU, see README)";
    }
    return {};
}

c10::Device parseDevice(const std::string& name) {
    if (name == "cpu") {
        return c10::Device(c10::kCPU);
    }
    if (name.rfind("cuda", 0) != 0) {
        throw InputError("unknown device '" + name + "' (expected cpu, cuda or cuda:N)");
    }
    int index = 0;
    if (name.size() > 4) {
        const std::string digits = name.substr(5);
        if (name[4] != ':' || digits.empty() || digits.size() > 3 ||
            !std::all_of(digits.begin(), digits.end(),
                         [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
            throw InputError("unknown device '" + name + "' (expected cpu, cuda or cuda:N)");
        }
        index = std::stoi(digits);
    }
    const std::string reason = cudaUnavailableReason();
    if (!reason.empty()) {
        throw InputError("cannot use device '" + name + "': " + reason);
    }
    const auto count = static_cast<int>(torch::cuda::device_count());
    if (index >= count) {
        throw InputError("cannot use device '" + name + "': LibTorch sees " +
                         std::to_string(count) +
                         " CUDA device(s), cuda:0 to cuda:" + std::to_string(count - 1));
    }
    return c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(index));
}

std::vector<std::string> availableDevices() {
    std::vector<std::string> devices{"cpu"};
    if (torch::cuda::is_available()) {
        for (size_t i = 0; i < torch::cuda::device_count(); ++i) {
            devices.push_back("cuda:" + std::to_string(i));
        }
    }
    return devices;
}

}  // namespace reslens
