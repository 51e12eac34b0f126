#include "model/checkpoint/CheckpointFile.h"

#include <torch/torch.h>

#include <cstring>
#include <map>
#include <nlohmann/json.hpp>

#include "model/checkpoint/PickleReader.h"
#include "model/files/PickleCheck.h"
#include "model/files/ZipArchiveCheck.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

bool endsWith(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() &&
           text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

uint64_t littleEndian64(const char* p) {
    uint64_t value = 0;
    for (int i = 7; i >= 0; --i) {
        value = (value << 8) | static_cast<unsigned char>(p[i]);
    }
    return value;
}

// The archive checks speak of model files; an import is a checkpoint.
[[noreturn]] void rethrowForCheckpoint(const InputError& error) {
    std::string message = error.what();
    const std::string modelFile = "is not a ResLens model file";
    const size_t at = message.find(modelFile);
    if (at != std::string::npos) {
        message.replace(at, modelFile.size(), "is not a readable checkpoint");
    }
    throw InputError(message);
}

std::vector<ZipEntry> checkedEntries(const std::vector<char>& bytes, const std::string& source) {
    try {
        return requireSoundZipArchive(bytes, source);
    } catch (const InputError& error) {
        rethrowForCheckpoint(error);
    }
}

const ZipEntry* findEntry(const std::vector<ZipEntry>& entries, const std::string& name) {
    for (const auto& entry : entries) {
        if (entry.name == name) {
            return &entry;
        }
    }
    return nullptr;
}

// safetensors' dtype names.
bool safetensorsType(const std::string& name, torch::ScalarType& type) {
    static const std::map<std::string, torch::ScalarType> kTypes = {
        {"F32", torch::kFloat32},   {"F64", torch::kFloat64}, {"F16", torch::kFloat16},
        {"BF16", torch::kBFloat16}, {"I64", torch::kInt64},   {"I32", torch::kInt32},
        {"I16", torch::kInt16},     {"I8", torch::kInt8},     {"U8", torch::kUInt8},
        {"BOOL", torch::kBool},
    };
    const auto found = kTypes.find(name);
    if (found == kTypes.end()) {
        return false;
    }
    type = found->second;
    return true;
}

}  // namespace

CheckpointFormat sniffCheckpoint(const std::vector<char>& bytes) {
    if (bytes.size() >= 4 && std::memcmp(bytes.data(), "PK\x03\x04", 4) == 0) {
        try {
            for (const auto& entry : requireSoundZipArchive(bytes, "")) {
                if (endsWith(entry.name, "/constants.pkl") ||
                    entry.name.find("/code/") != std::string::npos) {
                    return CheckpointFormat::TorchScript;
                }
            }
        } catch (const InputError&) {
            // A damaged archive: reading it as torch.save says what is wrong.
        }
        return CheckpointFormat::TorchSave;
    }
    // A pickle (protocol 2+) of torch.save's magic number 0x1950a86a20f9469cfc6c: the
    // pre-1.6 layout, a sequence of pickles followed by raw storages.
    static const char kLegacyMagic[] = "\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19";
    if (bytes.size() >= 14 && std::memcmp(bytes.data(), kLegacyMagic, 14) == 0) {
        return CheckpointFormat::LegacyTorchSave;
    }
    if (bytes.size() >= 10 && bytes[8] == '{') {
        const uint64_t header = littleEndian64(bytes.data());
        if (header >= 2 && header <= bytes.size() - 8) {
            return CheckpointFormat::Safetensors;
        }
    }
    return CheckpointFormat::Unknown;
}

ValuePtr readTorchSaveArchive(const std::vector<char>& bytes, const std::string& sourceName) {
    const std::vector<ZipEntry> entries = checkedEntries(bytes, sourceName);
    const ZipEntry* pickle = nullptr;
    for (const auto& entry : entries) {
        if (endsWith(entry.name, "/data.pkl") &&
            entry.name.find('/') == entry.name.size() - std::strlen("/data.pkl")) {
            pickle = &entry;
        }
    }
    if (!pickle || !pickle->stored) {
        throw InputError(sourceName +
                         " is a zip archive but not one torch.save wrote (no "
                         "stored data.pkl)");
    }
    const std::string prefix = pickle->name.substr(0, pickle->name.size() - 8);
    if (const ZipEntry* order = findEntry(entries, prefix + "byteorder")) {
        const std::string text(bytes.data() + order->dataOffset, order->size);
        if (order->stored && text == "big") {
            throw InputError(sourceName +
                             " was saved on a big-endian machine: load it in "
                             "PyTorch there and save it again on this one");
        }
    }
    const char* pickleBytes = bytes.data() + pickle->dataOffset;
    requireBoundedPickle(pickleBytes, pickle->size, sourceName);

    const StorageLoader storages = [&](const std::string& key, torch::ScalarType type,
                                       int64_t numel) {
        const ZipEntry* record = findEntry(entries, prefix + "data/" + key);
        if (!record || !record->stored) {
            throw InputError(sourceName + " names a storage '" + key + "' it does not hold");
        }
        const uint64_t itemSize = c10::elementSize(type);
        if (numel < 0 || uint64_t(numel) > record->size / itemSize) {
            throw InputError(sourceName + ": storage '" + key + "' is shorter than the " +
                             std::to_string(numel) + " numbers it claims");
        }
        torch::Tensor storage = torch::empty({numel}, torch::TensorOptions().dtype(type));
        if (numel > 0) {  // an empty storage has no data pointer (found by fuzzing)
            std::memcpy(storage.data_ptr(), bytes.data() + record->dataOffset, numel * itemSize);
        }
        return storage;
    };
    return readDataOnlyPickle(pickleBytes, pickle->size, storages, sourceName);
}

ValuePtr readSafetensors(const std::vector<char>& bytes, const std::string& sourceName) {
    auto fail = [&](const std::string& why) {
        throw InputError(sourceName + " is not a readable safetensors file (" + why + ")");
    };
    if (bytes.size() < 8) {
        fail("shorter than its header length");
    }
    const uint64_t headerSize = littleEndian64(bytes.data());
    if (headerSize > bytes.size() - 8 || headerSize > (uint64_t(100) << 20)) {
        fail("the header runs past the end of the file");
    }
    nlohmann::ordered_json header;
    try {
        header = nlohmann::ordered_json::parse(bytes.begin() + 8, bytes.begin() + 8 + headerSize);
    } catch (const nlohmann::json::exception&) {
        fail("the header is not JSON");
    }
    if (!header.is_object()) {
        fail("the header is not a JSON object");
    }
    const uint64_t dataStart = 8 + headerSize;
    const uint64_t dataSize = bytes.size() - dataStart;
    auto dict = CheckpointValue::make(CheckpointValue::Kind::Dict);
    for (const auto& item : header.items()) {
        if (item.key() == "__metadata__") {
            continue;
        }
        const auto& info = item.value();
        torch::ScalarType type;
        if (!info.is_object() || !info.contains("dtype") || !info["dtype"].is_string() ||
            !safetensorsType(info["dtype"].get<std::string>(), type)) {
            fail("'" + item.key() + "' has no dtype ResLens reads");
        }
        if (!info.contains("shape") || !info["shape"].is_array() || info["shape"].size() > 8 ||
            !info.contains("data_offsets") || !info["data_offsets"].is_array() ||
            info["data_offsets"].size() != 2) {
            fail("'" + item.key() + "' has no shape or data_offsets");
        }
        std::vector<int64_t> shape;
        uint64_t numel = 1;
        for (const auto& dim : info["shape"]) {
            if (!dim.is_number_unsigned() || dim.get<uint64_t>() > (uint64_t(1) << 40)) {
                fail("'" + item.key() + "' has an impossible shape");
            }
            shape.push_back(dim.get<int64_t>());
            numel *= dim.get<uint64_t>();
            if (numel > (uint64_t(1) << 40)) {
                fail("'" + item.key() + "' has an impossible shape");
            }
        }
        const auto& offsets = info["data_offsets"];
        if (!offsets[0].is_number_unsigned() || !offsets[1].is_number_unsigned()) {
            fail("'" + item.key() + "' has offsets that are not whole numbers");
        }
        const uint64_t begin = offsets[0].get<uint64_t>();
        const uint64_t end = offsets[1].get<uint64_t>();
        if (begin > end || end > dataSize || end - begin != numel * c10::elementSize(type)) {
            fail("'" + item.key() + "' lies outside the file or disagrees with its shape");
        }
        torch::Tensor tensor = torch::empty(shape, torch::TensorOptions().dtype(type));
        if (numel > 0) {
            std::memcpy(tensor.data_ptr(), bytes.data() + dataStart + begin, end - begin);
        }
        auto key = CheckpointValue::make(CheckpointValue::Kind::String);
        key->text = item.key();
        auto value = CheckpointValue::make(CheckpointValue::Kind::Tensor);
        value->tensor = tensor;
        dict->entries.emplace_back(key, value);
    }
    return dict;
}

std::string toString(CheckpointFormat format) {
    switch (format) {
        case CheckpointFormat::TorchSave:
            return "torch.save archive";
        case CheckpointFormat::Safetensors:
            return "safetensors";
        case CheckpointFormat::TorchScript:
            return "TorchScript";
        case CheckpointFormat::LegacyTorchSave:
            return "torch.save (before PyTorch 1.6)";
        case CheckpointFormat::Unknown:
            return "unknown";
    }
    return "unknown";
}

}  // namespace reslens
