#pragma once

// Which model to open, in plain values: a shipped one, a ResLens model file, a torchvision
// file to import, an architecture with fresh weights, or a model file held in memory (a
// network just trained in the lab). Both faces build these; ModelCatalog opens them.

#include <optional>
#include <string>
#include <vector>

#include "app/core/models/ImportSettings.h"
#include "model/files/FileStamp.h"
#include "model/network/ResNetConfig.h"

namespace reslens {

enum class ModelKind { Shipped, File, TorchScript, Fresh, Memory };

// Stable names, for settings files and messages: "shipped", "file", "torchscript", ...
std::string toString(ModelKind kind);
std::optional<ModelKind> modelKindFromString(const std::string& name);

// How an import or a fresh network gets its class names (LabelRule.h).
struct LabelChoice {
    enum class Kind { Automatic, ImageNet, File };
    Kind kind = Kind::Automatic;
    std::string path;  // for File

    static LabelChoice parse(const std::string& text);  // "", "imagenet" or a path
};

struct ModelRequest {
    ModelKind kind = ModelKind::Shipped;
    std::string location;  // shipped name, a path, an arch name, or the in-memory model's title
    ResNetConfig config;   // Fresh; for TorchScript, the architecture when `architectureGiven`
    bool architectureGiven = false;
    std::vector<char> bytes;  // Memory: a ResLens model file
    LabelChoice labels;       // TorchScript and Fresh
    ImportSettings import;    // TorchScript (any file of the user's own ResNet)
    // File and TorchScript, once opened: the file as it was then (ModelCatalog::pin). Opening
    // the request again refuses a file that has changed since, so that a study never runs
    // on other weights than the explorer shows.
    std::optional<FileStamp> stamp;

    static ModelRequest shipped(const std::string& name);
    static ModelRequest file(const std::string& path);
    static ModelRequest torchScript(const std::string& path);
    static ModelRequest fresh(const ResNetConfig& config);
    static ModelRequest memory(const std::string& title, std::vector<char> modelFile);
};

// An import's settings and labels as one line of JSON, which the app keeps beside the model's
// location so that the next start opens the same network. Reading ignores what it cannot
// use (a damaged settings file opens the import with its defaults).
std::string importStateText(const ModelRequest& request);
void applyImportStateText(ModelRequest& request, const std::string& text);

}  // namespace reslens
