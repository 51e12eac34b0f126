#include "app/core/models/ImportInspection.h"

#include "model/checkpoint/CheckpointImport.h"
#include "model/files/StateDict.h"

namespace reslens {
namespace {

ImportOptions importOptions(const ImportSettings& settings) {
    ImportOptions options;
    options.key = settings.key;
    options.recognition.stemPoolStride = settings.stemPoolStride;
    options.recognition.zeroPad = settings.zeroPad;
    options.loading.wallSeconds = settings.loadSeconds;
    options.loading.cancel = settings.cancelLoad;
    return options;
}

}  // namespace

CheckpointImport importWithSettings(const ModelRequest& request) {
    CheckpointImport imported = importCheckpoint(request.location, importOptions(request.import));
    if (request.import.input) {
        ResNetConfig config = imported.recognized.config;
        request.import.applyTo(config);
        ResNet network(config);
        loadStateDict(*network, stateDict(*imported.network), "'" + request.location + "'",
                      config.arch);
        network->eval();
        imported.network = network;
        imported.recognized.config = config;
    }
    return imported;
}

ImportReport inspectImport(const ModelRequest& request) {
    return ImportReport::of(request.location, importWithSettings(request));
}

}  // namespace reslens
