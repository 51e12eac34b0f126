#include "model/data/IdxFormat.h"

#include <torch/torch.h>

#include <cstring>

#include "model/runtime/InputError.h"

namespace reslens {

torch::Tensor parseIdx(const std::vector<char>& bytes, const std::string& sourceName) {
    auto byte = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
    if (bytes.size() < 4 || byte(0) != 0 || byte(1) != 0) {
        throw InputError(sourceName + " is not an IDX file (bad magic number)");
    }
    if (byte(2) != 0x08) {
        throw InputError(sourceName + ": IDX element type " + std::to_string(byte(2)) +
                         " is not unsigned bytes");
    }
    const int dims = byte(3);
    if (dims < 1 || dims > 4 || bytes.size() < 4 + 4 * static_cast<size_t>(dims)) {
        throw InputError(sourceName + ": IDX header is truncated or has " + std::to_string(dims) +
                         " dimensions");
    }
    std::vector<int64_t> shape;
    int64_t count = 1;
    for (int d = 0; d < dims; ++d) {
        const size_t o = 4 + 4 * static_cast<size_t>(d);
        const int64_t size =
            (int64_t(byte(o)) << 24) | (byte(o + 1) << 16) | (byte(o + 2) << 8) | byte(o + 3);
        if (size <= 0 || size > (int64_t(1) << 30) || count > (int64_t(1) << 34) / size) {
            throw InputError(sourceName + ": IDX dimension " + std::to_string(d) + " is " +
                             std::to_string(size));
        }
        shape.push_back(size);
        count *= size;
    }
    const size_t header = 4 + 4 * static_cast<size_t>(dims);
    if (bytes.size() - header != static_cast<size_t>(count)) {
        throw InputError(sourceName + ": the header promises " + std::to_string(count) +
                         " bytes of data, the file has " + std::to_string(bytes.size() - header));
    }
    torch::Tensor data = torch::empty(shape, torch::kUInt8);
    std::memcpy(data.data_ptr<uint8_t>(), bytes.data() + header, static_cast<size_t>(count));
    return data;
}

}  // namespace reslens
