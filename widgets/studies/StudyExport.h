#pragma once

// The studies' CSV tables, written atomically: one row per evaluation (lesion), per block
// (responses) or per point (landscape), every model of the view in one file.

#include <QString>
#include <QVector>

#include <cstdint>

#include "app/core/studies/LandscapeRequest.h"
#include "app/core/studies/LesionTypes.h"
#include "app/core/studies/ResponseProfile.h"

namespace reslens {

// Each returns an empty string on success, else the reason.
// Kind baseline, block (name, stage, downsampling) or random (k, trials, std over trials).
QString saveLesionCsv(const QVector<NamedLesionStudy>& studies, const QString& path);
QString saveResponseCsv(const QVector<ResponseProfile>& profiles, const QString& path);
// app/core's landscape table (LandscapeCsv.h).
QString saveLandscapeCsv(const QVector<NamedLandscape>& slices, uint64_t seed, const QString& path);

}  // namespace reslens
