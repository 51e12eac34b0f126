#include "model/files/ModelFile.h"

#include <torch/serialize.h>
#include <torch/torch.h>

#include <cstring>

#include "model/checkpoint/CheckpointFile.h"
#include "model/files/AtomicFileWriter.h"
#include "model/files/FileBytes.h"
#include "model/files/PickleCheck.h"
#include "model/files/StateDict.h"
#include "model/files/ZipArchiveCheck.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {
constexpr const char* kFormat = "reslens-model";

// The data-only reader's refusal, said of a model file. It builds only tensors and
// containers and refuses any other global by name before anything could run it.
std::string refusal(const std::string& sourceName, std::string message) {
    const std::string checkpoint = "is not a readable checkpoint";
    if (const size_t at = message.find(checkpoint); at != std::string::npos) {
        message.replace(at, checkpoint.size(), "is not a ResLens model file");
    }
    const std::string names = sourceName + " names '";
    if (message.rfind(names, 0) == 0) {
        const std::string name =
            message.substr(names.size(), message.find('\'', names.size()) - names.size());
        return sourceName + " is not a ResLens model file: its pickle names '" + name +
               "', which a model file never holds, and it was not run";
    }
    return message;
}

// A PyTorch archive that is not a ResLens model file, said as what it is: a user's
// torch.save checkpoint or a TorchScript module, either of which is imported, not opened.
// Empty for a ResLens model file, or for bytes this cannot tell (the loader then says why).
std::string foreignArchive(const std::vector<char>& bytes, const std::string& sourceName) {
    try {
        const std::vector<ZipEntry> entries = requireSoundZipArchive(bytes, sourceName);
        bool pickled = false;
        bool code = false;
        for (const ZipEntry& entry : entries) {
            const std::string tail = "/data.pkl";
            if (entry.stored && entry.name.size() > tail.size() &&
                entry.name.compare(entry.name.size() - tail.size(), tail.size(), tail) == 0) {
                const std::string pickle(bytes.data() + entry.dataOffset, entry.size);
                if (pickle.find(kFormat) != std::string::npos) {
                    return {};
                }
                pickled = true;
            }
            code = code || entry.name.find("/code/") != std::string::npos;
        }
        if (pickled) {
            return sourceName + (code ? " is a TorchScript module" : " is a PyTorch checkpoint") +
                   ", not a ResLens model file: import it instead (reslens-cli import, or "
                   "Import in the app)";
        }
    } catch (const InputError&) {
    }
    return {};
}

// About how many weights the configured network has: its convolutions and the classifier
// (batch norm and projections are a few percent more). Computed from the configuration
// alone, before anything is built.
double impliedWeights(const ResNetConfig& config) {
    double total =
        double(config.stemKernel) * config.stemKernel * config.inChannels * config.stemChannels();
    double in = config.stemChannels();
    for (size_t stage = 0; stage < config.blocksPerStage.size(); ++stage) {
        const double width = config.innerWidth(stage);
        const double out = double(config.stageWidths[stage]) * config.expansion();
        for (int block = 0; block < config.blocksPerStage[stage]; ++block) {
            total += config.block == BlockKind::Bottleneck
                         ? in * width + 9 * width * width / config.groups + width * out
                         : 9 * in * width + 9 * width * width;
            in = out;
        }
    }
    return total + in * config.classes + config.classes;
}

// A few bytes of metadata can claim a million classes or a thousand blocks; the file's own
// weights cannot. A network far larger than the numbers the file holds is refused before
// anything is built, so that such a file cannot make ResLens allocate gigabytes (the strict
// copy afterwards names every key and shape that does not match).
void requireWeightsForTheNetwork(const ResNetConfig& config, const TensorMap& weights,
                                 const std::string& sourceName) {
    double held = 0;
    for (const auto& entry : weights) {
        held += double(entry.second.numel());
    }
    const double implied = impliedWeights(config);
    if (implied > 2 * held + 1e6) {
        throw InputError(sourceName + ": the metadata describes " + config.arch + " with " +
                         std::to_string(config.classes) + " classes, about " +
                         std::to_string(int64_t(implied / 1e6)) +
                         " million weights, but the file holds " + std::to_string(int64_t(held)) +
                         " numbers");
    }
}

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

bool isModelFileArchive(const std::vector<char>& bytes) {
    try {
        for (const ZipEntry& entry : requireSoundZipArchive(bytes, "")) {
            const std::string tail = "/data.pkl";
            if (entry.stored && entry.name.size() > tail.size() &&
                entry.name.compare(entry.name.size() - tail.size(), tail.size(), tail) == 0) {
                const std::string pickle(bytes.data() + entry.dataOffset, entry.size);
                return pickle.find(kFormat) != std::string::npos;
            }
        }
    } catch (const InputError&) {
    }
    return false;
}

LoadedModel loadModel(const std::string& path) {
    return loadModelFromBuffer(readFileBytes(path), "'" + path + "'");
}

LoadedModel loadModelFromBuffer(const std::vector<char>& bytes, const std::string& sourceName) {
    if (bytes.size() < 4 || std::memcmp(bytes.data(), "PK\x03\x04", 4) != 0) {
        throw InputError(sourceName + " is not a ResLens model file (not a PyTorch archive)");
    }
    requireSoundPickleArchive(bytes, sourceName);
    if (const std::string foreign = foreignArchive(bytes, sourceName); !foreign.empty()) {
        throw InputError(foreign);
    }
    // ResLens's own data-only reader, not LibTorch's: miniz (under torch::pickle_load)
    // reads past its buffer on archives that pass the archive check (found by fuzzing,
    // tests/fuzz/regressions/model_file/crash-85640b4a...). Only tensors it rebuilt from
    // checked storages reach LibTorch.
    ValuePtr archive;
    try {
        archive = readTorchSaveArchive(bytes, sourceName);
    } catch (const InputError& error) {
        throw InputError(refusal(sourceName, error.what()));
    }
    if (archive->kind != CheckpointValue::Kind::Dict) {
        throw InputError(sourceName + " is not a ResLens model file (no dictionary inside)");
    }
    auto field = [&](const std::string& key) -> const CheckpointValue& {
        const ValuePtr found = archive->find(key);
        if (!found) {
            throw InputError(sourceName + " is not a ResLens model file (no '" + key + "')");
        }
        return *found;
    };
    const CheckpointValue& format = field("format");
    if (format.kind != CheckpointValue::Kind::String || format.text != kFormat) {
        throw InputError(sourceName + " is not a ResLens model file (wrong format tag)");
    }
    const CheckpointValue& metadataText = field("metadata");
    if (metadataText.kind != CheckpointValue::Kind::String) {
        throw InputError(sourceName + ": metadata is not text");
    }
    nlohmann::json metadataJson = nlohmann::json::parse(metadataText.text, nullptr,
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

    const CheckpointValue& weightsValue = field("state_dict");
    if (weightsValue.kind != CheckpointValue::Kind::Dict) {
        throw InputError(sourceName + ": state_dict is not a dictionary");
    }
    TensorMap weights;
    for (const auto& [key, value] : weightsValue.entries) {
        if (key->kind != CheckpointValue::Kind::String ||
            value->kind != CheckpointValue::Kind::Tensor) {
            throw InputError(sourceName + ": state_dict holds something other than tensors");
        }
        weights.emplace(key->text, value->tensor);
    }
    requireWeightsForTheNetwork(model.metadata.config, weights, sourceName);
    model.network = ResNet(model.metadata.config);
    loadStateDict(*model.network, weights, sourceName, model.metadata.config.arch);
    model.network->eval();
    return model;
}

}  // namespace reslens
