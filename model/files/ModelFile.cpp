#include "model/files/ModelFile.h"

#include <torch/serialize.h>
#include <torch/torch.h>

#include "model/files/AtomicFileWriter.h"
#include "model/files/FileBytes.h"
#include "model/files/StateDict.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {
constexpr const char* kFormat = "reslens-model";
}  // namespace

std::vector<char> serializeModel(const ResNetImpl& network, const ModelMetadata& metadata) {
    c10::Dict<std::string, torch::Tensor> weights;
    for (const auto& [name, tensor] : stateDict(network)) {
        weights.insert(name, tensor.detach().to(torch::kCPU).contiguous());
    }
    c10::impl::GenericDict archive(c10::StringType::get(), c10::AnyType::get());
    archive.insert("format", std::string(kFormat));
    archive.insert("metadata", metadataToJson(metadata).dump());
    archive.insert("state_dict", c10::IValue(weights));
    return torch::pickle_save(archive);
}

void saveModel(const std::string& path, const ResNetImpl& network, const ModelMetadata& metadata) {
    writeFileAtomically(path, serializeModel(network, metadata));
}

LoadedModel loadModel(const std::string& path) {
    return loadModelFromBuffer(readFileBytes(path), "'" + path + "'");
}

LoadedModel loadModelFromBuffer(const std::vector<char>& bytes, const std::string& sourceName) {
    c10::IValue archive;
    try {
        archive = torch::pickle_load(bytes);
    } catch (const c10::Error&) {
        throw InputError(sourceName + " is not a ResLens model file (not a PyTorch archive)");
    }
    if (!archive.isGenericDict()) {
        throw InputError(sourceName + " is not a ResLens model file (no dictionary inside)");
    }
    const auto dict = archive.toGenericDict();
    auto field = [&](const std::string& key) -> c10::IValue {
        const auto found = dict.find(key);
        if (found == dict.end()) {
            throw InputError(sourceName + " is not a ResLens model file (no '" + key + "')");
        }
        return found->value();
    };
    const c10::IValue format = field("format");
    if (!format.isString() || format.toStringRef() != kFormat) {
        throw InputError(sourceName + " is not a ResLens model file (wrong format tag)");
    }
    const c10::IValue metadataText = field("metadata");
    if (!metadataText.isString()) {
        throw InputError(sourceName + ": metadata is not text");
    }
    nlohmann::json metadataJson = nlohmann::json::parse(metadataText.toStringRef(), nullptr,
                                                        /*allow_exceptions=*/false);
    if (metadataJson.is_discarded()) {
        throw InputError(sourceName + ": metadata is not valid JSON");
    }
    LoadedModel model;
    try {
        model.metadata = metadataFromJson(metadataJson);
    } catch (const InputError& e) {
        throw InputError(sourceName + ": " + e.what());
    }

    const c10::IValue weightsValue = field("state_dict");
    if (!weightsValue.isGenericDict()) {
        throw InputError(sourceName + ": state_dict is not a dictionary");
    }
    TensorMap weights;
    for (const auto& entry : weightsValue.toGenericDict()) {
        if (!entry.key().isString() || !entry.value().isTensor()) {
            throw InputError(sourceName + ": state_dict holds something other than tensors");
        }
        weights.emplace(entry.key().toStringRef(), entry.value().toTensor());
    }
    model.network = ResNet(model.metadata.config);
    loadStateDict(*model.network, weights, sourceName, model.metadata.config.arch);
    model.network->eval();
    return model;
}

}  // namespace reslens
