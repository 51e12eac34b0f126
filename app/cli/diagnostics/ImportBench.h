#pragma once

// `reslens-cli bench --import FILE`: what the TorchScript wall costs. The same file loaded
// in reslens-loader (a process, its limits, the weights handed back as safetensors and read
// with every check) and in this process (what the child does), interleaved load by load.

#include <nlohmann/json.hpp>
#include <string>

namespace reslens::cli {

nlohmann::json benchTorchScriptImport(const std::string& path, int iterations, int warmup);

}  // namespace reslens::cli
