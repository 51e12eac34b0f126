#pragma once

// The binary version of CIFAR-10: a batch file is a run of 3073-byte records, each a label
// byte (0-9) and then the 32x32 image as three planes, R, G and B.

#include <string>
#include <vector>

#include "model/data/Dataset.h"

namespace reslens {

// The batch's images [N, 3, 32, 32] (uint8) and labels [N] (int64); names, classes and
// the split are the caller's. Throws InputError for a length that is not a whole number of
// records, an empty file, or a label beyond the 10 classes.
Dataset parseCifarBatch(const std::vector<char>& bytes, const std::string& sourceName);

}  // namespace reslens
