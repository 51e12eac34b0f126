#pragma once

// The benchmarks behind `reslens-cli bench --image` and `bench --render`: the whole path
// from an image file to top-5 with statistics probes, and feature-grid rendering.

#include <nlohmann/json.hpp>

#include <string>

#include "model/files/ModelFile.h"

namespace reslens::cli {

// Per iteration: read + decode, prepare, forward with probes + softmax + top-5.
// Milliseconds per stage and in total, every iteration and the medians.
nlohmann::json benchPipeline(LoadedModel& model, const std::string& image, int iterations,
                             int warmup);

// Rendering the grid of a 2048-channel 7x7 tensor and of a 64-channel 112x112 tensor
// (resnet50's layer4 output and the stem's output at 224).
nlohmann::json benchFeatureGrids(int iterations, int warmup);

}  // namespace reslens::cli
