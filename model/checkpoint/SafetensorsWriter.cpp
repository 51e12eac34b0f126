#include "model/checkpoint/SafetensorsWriter.h"

#include <torch/torch.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "model/runtime/InputError.h"

namespace reslens {
namespace {

std::string dtypeName(const torch::Tensor& tensor, const std::string& name) {
    switch (tensor.scalar_type()) {
        case torch::kFloat32:
            return "F32";
        case torch::kFloat64:
            return "F64";
        case torch::kFloat16:
            return "F16";
        case torch::kBFloat16:
            return "BF16";
        case torch::kInt64:
            return "I64";
        case torch::kInt32:
            return "I32";
        case torch::kInt16:
            return "I16";
        case torch::kInt8:
            return "I8";
        case torch::kUInt8:
            return "U8";
        case torch::kBool:
            return "BOOL";
        default:
            throw InputError("'" + name + "' holds " +
                             std::string(c10::toString(tensor.scalar_type())) +
                             " numbers, which ResLens does not import");
    }
}

}  // namespace

std::vector<char> safetensorsBytes(const std::vector<std::pair<std::string, at::Tensor>>& tensors) {
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    std::vector<torch::Tensor> buffers;
    uint64_t offset = 0;
    for (const auto& [name, tensor] : tensors) {
        const std::string dtype = dtypeName(tensor, name);
        torch::Tensor dense = tensor.detach().to(torch::kCPU).contiguous();
        const uint64_t size = uint64_t(dense.numel()) * dense.element_size();
        header[name] = {{"dtype", dtype},
                        {"shape", dense.sizes().vec()},
                        {"data_offsets", {offset, offset + size}}};
        offset += size;
        buffers.push_back(dense);
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');  // buffers 8-byte aligned, as safetensors does
    std::vector<char> bytes(8 + text.size() + offset);
    const uint64_t length = text.size();
    for (int i = 0; i < 8; ++i) {
        bytes[i] = char((length >> (8 * i)) & 0xff);
    }
    std::memcpy(bytes.data() + 8, text.data(), text.size());
    char* at = bytes.data() + 8 + text.size();
    for (const torch::Tensor& dense : buffers) {
        const size_t size = size_t(dense.numel()) * dense.element_size();
        if (size > 0) {
            std::memcpy(at, dense.data_ptr(), size);
        }
        at += size;
    }
    return bytes;
}

}  // namespace reslens
