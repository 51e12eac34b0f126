#pragma once

// The instruments' CSV tables, written atomically, every model of a view in one file.

#include <QString>
#include <QVector>

#include <optional>

#include "app/core/instruments/GradientLineTypes.h"
#include "app/core/instruments/ProbeTypes.h"
#include "app/core/instruments/SimilarityTypes.h"

namespace reslens {

// Each returns an empty string on success, else the reason.
// One row per network and point: model, network (trained/fresh/the sweep's arch), index, t,
// derivative, autocorrelation at lag = index, lag.
QString saveGradientLineCsv(const QVector<GradientLineResult>& results,
                            const std::optional<DepthSweepResult>& sweep, const QString& path);
// One row per pair of blocks: model, block_a, block_b, stage_a, stage_b, cka.
QString saveSimilarityCsv(const QVector<SimilarityResult>& results, const QString& path);
// One row per block and one for the network: model, block, stage, features, accuracy.
QString saveProbeCsv(const QVector<ProbeResult>& results, const QString& path);

}  // namespace reslens
