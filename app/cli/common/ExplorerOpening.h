#pragma once

// Opens a ModelSource's model in the explorer's session, for classify, features and cam:
// the device first, so that a bad one is refused before any work; the framing; the model.
// With imaging only (the session needs it).

#include "app/cli/common/ModelSource.h"
#include "app/core/explorer/ExplorerSession.h"

namespace reslens::cli {

OpenedModel openExplorer(const ModelSource& source, ExplorerSession& session);

}  // namespace reslens::cli
