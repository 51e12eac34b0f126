#pragma once

// He et al. 2015, Fig. 7: the standard deviation of each block's response — F(x), the
// residual branch after its last batch norm and before the addition (for a plain block,
// its output before the ReLU) — averaged over a set of images. The paper finds ResNets'
// responses generally smaller than plain networks', and smaller in deeper ResNets: the
// blocks modify their input less. The app's response chart overlays a model, its twin and
// the other depth; the tests measure the shipped four.

#include <string>
#include <vector>

#include "app/core/models/ModelRequest.h"
#include "app/core/models/ResourceSource.h"

namespace reslens {

struct DecodedImage;

struct ResponseProfile {
    std::string title;  // e.g. "deep (resnet56)"
    std::vector<std::string> blocks;
    std::vector<double> meanResidualStd;  // per block, averaged over the images
    int images = 0;
};

// Opens the model, prepares and classifies every image as the explorer does, and averages
// each block's std of F(x). Throws InputError (no images, a model that cannot be opened).
ResponseProfile measureResponseProfile(const ResourceSource& resources, const ModelRequest& request,
                                       const std::vector<DecodedImage>& images);

}  // namespace reslens
