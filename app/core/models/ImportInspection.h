#pragma once

// What importing a file would find — the architecture recognised, what was assumed, where
// every weight goes — without keeping the network: for `reslens-cli import --explain` and
// the app's import dialog. A plain header, so that widgets reach it without LibTorch.

#include "app/core/models/ImportReport.h"
#include "app/core/models/ModelRequest.h"

namespace reslens {

struct CheckpointImport;

// The request's file with its import settings (key, stem pool, option A padding, input
// size). Throws InputError naming what cannot be read or placed.
ImportReport inspectImport(const ModelRequest& request);

// The import itself, network included, with the input size the user stated (ModelCatalog
// opens it; model/checkpoint/CheckpointImport.h completes the type).
CheckpointImport importWithSettings(const ModelRequest& request);

}  // namespace reslens
