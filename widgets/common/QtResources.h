#pragma once

// The shipped files compiled into the app (widgets/CMakeLists.txt: models, labels, the
// gallery), as the application layer's ResourceSource: ":/models/default.pt" and so on.

#include "app/core/models/ResourceSource.h"

namespace reslens {

class QtResources : public ResourceSource {
public:
    std::optional<std::vector<char>> read(const std::string& relativePath) const override;
    std::string locate(const std::string& relativePath) const override;
};

}  // namespace reslens
