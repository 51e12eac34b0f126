#pragma once

// The one rule for the class names of a network that arrives without its own (an import, a
// fresh network), the same in the app and in reslens-cli:
//   - an explicit choice wins: ImageNet needs 1000 classes, a file needs one name per class;
//   - otherwise 1000 classes get ImageNet-1k's names, anything else "class 0", "class 1", ...
// Trouble is an InputError in both faces, never a silent fallback to numbers.

#include <string>
#include <vector>

#include "app/core/models/ModelRequest.h"
#include "app/core/models/ResourceSource.h"

namespace reslens {

inline constexpr const char* kImageNetLabelsResource = "labels/imagenet1k.txt";

std::vector<std::string> labelsFor(int classes, const LabelChoice& choice,
                                   const ResourceSource& resources);

// One name per non-empty line (CRLF accepted). Throws InputError when the count is not
// `classes`; `source` names the file in the message.
std::vector<std::string> parseLabels(const std::vector<char>& text, int classes,
                                     const std::string& source);

}  // namespace reslens
