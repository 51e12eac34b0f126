#pragma once

// Every way to get a network to look at: a shipped model, a ResLens model file, a torchvision
// file to import, an architecture with fresh weights, or a model file in memory. One place
// decides the metadata of networks that arrive without it (LabelRule.h, Provenance.h), so
// the app and reslens-cli open the same request to the same model.

#include <string>

#include "app/core/models/ModelRequest.h"
#include "app/core/models/ResourceSource.h"
#include "model/files/ModelFile.h"

namespace reslens {

class ModelCatalog {
public:
    explicit ModelCatalog(const ResourceSource& resources) : resources_(resources) {}

    // The network on the CPU, in eval mode, with its metadata. `commandLine` goes into an
    // import's provenance. Throws InputError (or ConfigError) naming what is wrong.
    // A request for a file that was pinned and has changed on disk since is refused.
    LoadedModel open(const ModelRequest& request, const std::string& commandLine = {}) const;
    // The request with its file's stamp as it is now (File and TorchScript requests; others
    // are returned as they are). Pin before opening: a change during the read is then
    // caught the next time the request is opened.
    static ModelRequest pin(ModelRequest request);

    // Metadata for a network that arrives without any: labels by the label rule, the usual
    // preprocessing for its input shape, and the given provenance.
    ModelMetadata metadataFor(const ResNetConfig& config, const LabelChoice& labels,
                              nlohmann::json provenance) const;

    const ResourceSource& resources() const { return resources_; }

private:
    LoadedModel openShipped(const std::string& name) const;
    LoadedModel openImport(const ModelRequest& request, const std::string& commandLine) const;

    const ResourceSource& resources_;
};

}  // namespace reslens
