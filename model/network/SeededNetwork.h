#pragma once

// A network initialised from a seed. LibTorch's modules draw their initial weights from the
// process-wide generator, so torch::manual_seed(s) followed by the construction gives the same
// weights for the same s only if no other thread seeds or draws in between: the app builds
// networks on several threads at once (the lab's runs, the instruments' fresh networks, a
// lesson's headless seeds). Every seeded construction goes through here, under one lock.

#include <cstdint>

#include "model/network/ResNet.h"

namespace reslens {

// torch::manual_seed(seed), then ResNet(config), as one step no other seeded construction
// interleaves with. Throws ConfigError as ResNet does.
ResNet seededResNet(const ResNetConfig& config, uint64_t seed);

}  // namespace reslens
