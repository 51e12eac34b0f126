#pragma once

// A linear probe on every block's globally averaged output (the stem's included): fitted on
// the first N training images, scored on the test split, beside the network's own accuracy on
// the same test images (docs/cli.md, probe).

#include <cstdint>
#include <optional>
#include <string>

#include "app/core/instruments/InstrumentProgress.h"
#include "app/core/instruments/ProbeTypes.h"
#include "app/core/models/ModelRequest.h"
#include "app/core/models/ResourceSource.h"
#include "model/data/DataSpec.h"

namespace reslens {

// `data` names the dataset; a split it names is ignored (the probes need both): its training
// split fits, its test split scores, unless `testData` names other data to score on (a folder
// of test images beside a folder of training images). testSamples 0: the whole test split.
// Throws InputError.
ProbeResult runProbes(const ResourceSource& resources, const ModelRequest& request,
                      const DataSpec& data, int64_t samples, int64_t testSamples,
                      const std::string& device, const InstrumentProgress& progress = {},
                      const std::optional<DataSpec>& testData = std::nullopt);

}  // namespace reslens
