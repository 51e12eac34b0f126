#include "model/data/CifarFormat.h"

#include <torch/torch.h>

#include <cstring>

#include "model/runtime/InputError.h"

namespace reslens {

Dataset parseCifarBatch(const std::vector<char>& bytes, const std::string& sourceName) {
    constexpr size_t kRecord = 1 + 3 * 32 * 32;
    if (bytes.empty() || bytes.size() % kRecord != 0) {
        throw InputError(sourceName + " is not a CIFAR-10 binary batch (" +
                         std::to_string(bytes.size()) + " bytes is not a whole number of " +
                         "3073-byte records)");
    }
    const int64_t n = static_cast<int64_t>(bytes.size() / kRecord);
    torch::Tensor records = torch::empty({n, static_cast<int64_t>(kRecord)}, torch::kUInt8);
    std::memcpy(records.data_ptr<uint8_t>(), bytes.data(), bytes.size());
    Dataset batch;
    batch.labels = records.select(1, 0).to(torch::kLong);
    if (batch.labels.max().item<int64_t>() >= 10) {
        throw InputError(sourceName + " has labels beyond CIFAR-10's 10 classes");
    }
    batch.images = records.narrow(1, 1, 3072).reshape({n, 3, 32, 32}).contiguous();
    return batch;
}

}  // namespace reslens
