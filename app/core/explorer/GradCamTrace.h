#pragma once

// Where the evidence forms: Grad-CAM (Selvaraju et al. 2017) of one image for one class at
// the stem and at every block, each map upsampled bilinearly to the network's input and
// compared with the last block's map. The Grad-CAM lesson says from which block on the map
// has the shape it has at the end. Plain types only: the app's widgets show it.

#include <cstdint>
#include <string>
#include <vector>

namespace reslens {

class ExplorerSession;

struct CamStep {
    std::string target;  // "stem" or a block's name
    std::string stage;   // the block's stage, e.g. "conv4_x"; "" for the stem
    int height = 0;      // the map's own resolution
    int width = 0;
    // Pearson correlation with the last block's map, both at the input's resolution; NaN
    // when either map is flat (no positive evidence, or the same value everywhere).
    double correlationWithLast = 0;
};

struct CamTrace {
    int64_t classIndex = 0;  // the class whose evidence the maps show
    std::string classLabel;
    double probability = 0;
    std::vector<CamStep> steps;  // the stem, then every block in forward order
};

// Of the last image the session classified. classIndex < 0: the top-1 class. Throws
// InputError before any image (ExplorerSession::gradCam).
CamTrace traceGradCam(ExplorerSession& session, int64_t classIndex = -1);

// The first step whose correlation with the last map reaches `threshold` and stays there
// for every later step; -1 when none does (the last step always reaches it).
int firstSettledStep(const CamTrace& trace, double threshold);

}  // namespace reslens
