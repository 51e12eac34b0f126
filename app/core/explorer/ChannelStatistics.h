#pragma once

// One channel of a feature map, summarised: what the explorer shows when a tile is hovered
// or enlarged.

namespace reslens {

struct ChannelStatistics {
    int channel = 0;
    double mean = 0;
    double std = 0;  // population std over the map's pixels
    double min = 0;
    double max = 0;
};

}  // namespace reslens
