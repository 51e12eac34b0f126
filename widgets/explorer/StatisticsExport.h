#pragma once

// The explorer's statistics export: the model, the image, the prediction and per block the
// accounting and the magnitudes, as CSV or JSON, written atomically.

#include <QString>
#include <QVector>

#include "widgets/explorer/ViewTypes.h"

namespace reslens {

struct StatisticsSnapshot {
    QString model;
    QString image;
    ArchitectureSummary summary;
    QVector<BlockMagnitude> magnitudes;  // may be empty (no image classified yet)
    QVector<ClassProbability> top;
};

// Each returns an empty string on success, else the reason.
QString saveStatisticsCsv(const StatisticsSnapshot& snapshot, const QString& path);
QString saveStatisticsJson(const StatisticsSnapshot& snapshot, const QString& path);

}  // namespace reslens
