#include "tests/fuzz/FuzzTargets.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/core/training/SavedRunFile.h"
#include "model/checkpoint/CheckpointFile.h"
#include "model/checkpoint/GraphFactsJson.h"
#include "model/checkpoint/ResNetRecognizer.h"
#include "model/checkpoint/WeightsLocator.h"
#include "model/data/CifarFormat.h"
#include "model/data/CompressedFile.h"
#include "model/data/IdxFormat.h"
#include "model/files/ConfigJson.h"
#include "model/files/ModelFile.h"
#include "model/files/ModelMetadata.h"
#include "model/files/TorchvisionImport.h"
#include "model/runtime/InputError.h"

#ifdef RESLENS_WITH_IMAGING
#include "imaging/ExifOrientation.h"
#include "imaging/ImageDecoder.h"
#include "imaging/ImageHeader.h"
#include "imaging/ImagePreprocessor.h"
#endif

namespace reslens::fuzz {
namespace {

const std::string kSource = "'fuzz input'";

std::vector<char> bytesOf(const uint8_t* data, size_t size) {
    return std::vector<char>(reinterpret_cast<const char*>(data),
                             reinterpret_cast<const char*>(data) + size);
}

// The readers that take a path get the input through one scratch file per process.
std::string scratchFile(const uint8_t* data, size_t size) {
    static const std::string path = [] {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp ? tmp : "/tmp") + "/reslens-fuzz-XXXXXX";
        const int fd = mkstemp(pattern.data());
        if (fd < 0) {
            std::perror("reslens fuzz: mkstemp");
            std::abort();
        }
        close(fd);
        std::atexit([] { std::remove(path.c_str()); });
        return pattern;
    }();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) {
        std::perror("reslens fuzz: writing the scratch file");
        std::abort();
    }
    return path;
}

// Bad input must end in InputError and nothing else.
template <typename Body>
void expectOnlyInputErrors(Body body) {
    try {
        body();
    } catch (const InputError&) {
    }
}

void runIdx(const uint8_t* data, size_t size) {
    const std::string path = scratchFile(data, size);
    expectOnlyInputErrors([&] { parseIdx(readMaybeGzipped(path, size_t(64) << 20), kSource); });
}

void runCifar(const uint8_t* data, size_t size) {
    expectOnlyInputErrors([&] { parseCifarBatch(bytesOf(data, size), kSource); });
}

void runModelFile(const uint8_t* data, size_t size) {
    expectOnlyInputErrors([&] { loadModelFromBuffer(bytesOf(data, size), kSource); });
}

// Through the wall: TorchScript loads in reslens-loader (a process per input, so slow to
// fuzz); a crash or hang there must come back as one InputError.
void runTorchScriptImport(const uint8_t* data, size_t size) {
    const std::string path = scratchFile(data, size);
    expectOnlyInputErrors([&] { importTorchvision(path, std::nullopt); });
}

// A torch.save checkpoint through the data-only reader, the weights' search and the
// recognition that follows in an import (no TorchScript: that is LibTorch's loader).
void runCheckpoint(const uint8_t* data, size_t size) {
    expectOnlyInputErrors([&] {
        const ValuePtr root = readTorchSaveArchive(bytesOf(data, size), kSource);
        recognizeResNet(locateWeights(root, "", kSource).weights, {}, kSource);
    });
}

void runSafetensors(const uint8_t* data, size_t size) {
    expectOnlyInputErrors([&] {
        const ValuePtr root = readSafetensors(bytesOf(data, size), kSource);
        RecognitionOptions options;
        options.keysSortedByName = true;
        recognizeResNet(locateWeights(root, "", kSource).weights, options, kSource);
    });
}

// The metadata JSON of a model file: the architecture (configFromJson) and the whole of it.
void runConfigJson(const uint8_t* data, size_t size) {
    const nlohmann::json json = nlohmann::json::parse(data, data + size, nullptr,
                                                      /*allow_exceptions=*/false);
    if (json.is_discarded()) {
        return;
    }
    expectOnlyInputErrors([&] { configFromJson(json); });
    expectOnlyInputErrors([&] { metadataFromJson(json); });
    // The graph's facts reslens-loader hands back, as untrusted as the file.
    expectOnlyInputErrors([&] { graphFactsFromJson(json.dump(), kSource); });
}

// A saved lab run: the bytes as a file, and the bytes as the JSON body behind a correct
// header -- random edits almost never keep the hash, so the checks beneath it need this.
void runSavedRun(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    expectOnlyInputErrors([&] { parseSavedRun(bytes, kSource); });
    expectOnlyInputErrors([&] { parseSavedRun(framedSavedRun(bytes), kSource); });
}

#ifdef RESLENS_WITH_IMAGING
void runImageHeader(const uint8_t* data, size_t size) {
    const std::vector<char> bytes = bytesOf(data, size);
    expectOnlyInputErrors([&] {
        if (const auto header = readImageHeader(bytes, kSource)) {
            requireCompleteImage(bytes, header->format, kSource);
        }
    });
    const int orientation = jpegExifOrientation(bytes);
    if (orientation < 1 || orientation > 8) {
        std::fprintf(stderr, "EXIF orientation %d is outside 1..8\n", orientation);
        std::abort();
    }
}

// Decode, then prepare as each of the three presets would: the size picks one, so that
// the fuzzer reaches all of them without a byte of the image being spent on the choice.
void runDecodeAndPrepare(const uint8_t* data, size_t size) {
    static const Preprocessing presets[] = {Preprocessing::imagenet(), Preprocessing::cifar10(),
                                            Preprocessing::fashionMnist()};
    DecodeOptions options;
    options.maxPixels = 4'000'000;  // every path, without spending the run on huge images
    expectOnlyInputErrors([&] {
        const DecodedImage image = decodeImage(bytesOf(data, size), kSource, options);
        prepareImage(image, presets[size % 3]);
    });
}
#endif

}  // namespace

const std::vector<FuzzTarget>& fuzzTargets() {
    static const std::vector<FuzzTarget> targets = {
#ifdef RESLENS_WITH_IMAGING
        {"image_header", runImageHeader},
        {"image_decode", runDecodeAndPrepare},
#endif
        {"idx", runIdx},
        {"cifar", runCifar},
        {"model_file", runModelFile},
        {"torchscript_import", runTorchScriptImport},
        {"config_json", runConfigJson},
        {"saved_run", runSavedRun},
        {"checkpoint", runCheckpoint},
        {"safetensors", runSafetensors},
    };
    return targets;
}

const FuzzTarget* findFuzzTarget(const std::string& name) {
    for (const FuzzTarget& target : fuzzTargets()) {
        if (target.name == name) {
            return &target;
        }
    }
    return nullptr;
}

}  // namespace reslens::fuzz
