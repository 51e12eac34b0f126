#include "app/cli/diagnostics/ImportBench.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include "model/checkpoint/TorchScriptLoader.h"
#include "model/files/FileBytes.h"

namespace reslens::cli {
namespace {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

template <typename Body>
double millisecondsOf(Body body) {
    const auto start = std::chrono::steady_clock::now();
    body();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

}  // namespace

nlohmann::json benchTorchScriptImport(const std::string& path, int iterations, int warmup) {
    const std::string sourceName = "'" + path + "'";
    std::vector<double> walled, here;
    size_t tensors = 0;
    TorchScriptLoadLimits limits;
    limits.reuseLastLoad = false;  // every load through the wall
    for (int i = 0; i < warmup + iterations; ++i) {
        const double a = millisecondsOf([&] {
            tensors = loadTorchScriptIsolated(path, sourceName, limits).weights->entries.size();
        });
        // In this process: the file read and loaded as the child does it.
        const double b =
            millisecondsOf([&] { loadTorchScriptHere(readFileBytes(path), sourceName); });
        if (i >= warmup) {
            walled.push_back(a);
            here.push_back(b);
        }
    }
    return {{"file", path},
            {"tensors", tensors},
            {"iterations", iterations},
            {"loader_process_ms", median(walled)},
            {"in_process_ms", median(here)},
            {"overhead_ms", median(walled) - median(here)},
            {"ratio", median(walled) / std::max(median(here), 1e-9)},
            {"loader_process_all_ms", walled},
            {"in_process_all_ms", here}};
}

}  // namespace reslens::cli
