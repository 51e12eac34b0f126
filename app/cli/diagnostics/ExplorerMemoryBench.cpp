#include "app/cli/diagnostics/ExplorerMemoryBench.h"

#include <opencv2/core.hpp>

#include <fstream>
#include <string>

#include "app/core/explorer/ExplorerSession.h"
#include "app/core/models/ModelRequest.h"
#include "app/core/runtime/MemoryBudget.h"
#include "imaging/ImageDecoder.h"

namespace reslens::cli {
namespace {

// A field of /proc/self/status ("VmRSS", "VmHWM"), in MB; -1 where there is none.
double statusMegabytes(const std::string& field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field + ":", 0) == 0) {
            return std::stod(line.substr(field.size() + 1)) / 1024.0;  // kB
        }
    }
    return -1;
}

nlohmann::json memoryNow() {
    return {{"resident_mb", statusMegabytes("VmRSS")}, {"peak_mb", statusMegabytes("VmHWM")}};
}

}  // namespace

nlohmann::json benchExplorerMemory(const ResourceSource& resources, const ModelRequest& request) {
    nlohmann::json doc;
    doc["start"] = memoryNow();
    ExplorerSession session(resources, /*captureFeatures=*/true);
    session.open(request);
    doc["opened"] = memoryNow();
    const ResNetConfig& config = session.model().summary.config;
    // A photo-like image larger than the input, as a dropped photo is.
    DecodedImage image;
    image.pixels =
        cv::Mat(config.inputHeight + 32, config.inputWidth + 32, CV_8UC3, cv::Scalar(120, 60, 200));
    image.sourceChannels = 3;
    session.classify(image, 5);
    doc["classified"] = memoryNow();
    session.classify(image, 5);
    doc["classified_again"] = memoryNow();
    const ArchitectureSummary& summary = session.model().summary;
    doc["arch"] = config.arch;
    doc["input"] = {config.inputHeight, config.inputWidth};
    doc["weights_mb"] = double(summary.totalParams) * sizeof(float) / (1 << 20);
    doc["captures_half_precision"] =
        explorerCapturesInHalfPrecision(summary, config.inputHeight, config.inputWidth);
    doc["estimate_mb"] =
        double(explorerForwardBytes(summary, config.inputHeight, config.inputWidth, true)) /
        (1 << 20);
    return doc;
}

}  // namespace reslens::cli
