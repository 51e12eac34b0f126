#pragma once

// Everything the window exports, written through QSaveFile: the file appears complete or
// not at all. Each returns an empty string on success, else the reason.

#include <QString>

#include <functional>

#include "app/core/LandscapeRequest.h"
#include "app/core/LesionTypes.h"
#include "app/core/ResponseProfile.h"
#include "widgets/ViewTypes.h"

class QImage;
class QPushButton;
class QWidget;

namespace reslens {

// What the statistics exports hold: the model, the image, the prediction and per block
// the accounting and the magnitudes.
struct StatisticsSnapshot {
    QString model;
    QString image;
    ArchitectureSummary summary;
    QVector<BlockMagnitude> magnitudes;  // may be empty (no image classified yet)
    QVector<ClassProbability> top;
};

QString saveImage(const QImage& image, const QString& path);
// The widget as drawn on screen (at the screen's pixel ratio).
QString saveWidgetPng(QWidget* widget, const QString& path);
// The widget painted as vectors (charts stay sharp on slides).
QString saveWidgetSvg(QWidget* widget, const QString& path, const QString& title);
QString saveStatisticsCsv(const StatisticsSnapshot& snapshot, const QString& path);
QString saveStatisticsJson(const StatisticsSnapshot& snapshot, const QString& path);
// One row per evaluation of every study: kind baseline, block (name, stage, downsampling)
// or random (k, trials, std over trials).
QString saveLesionCsv(const QVector<NamedLesionStudy>& studies, const QString& path);
// One row per block of every profile.
QString saveResponseCsv(const QVector<ResponseProfile>& profiles, const QString& path);
// One row per point of every slice (beta empty for 1-D slices).
QString saveLandscapeCsv(const QVector<NamedLandscape>& slices, uint64_t seed, const QString& path);

// A button that asks for a file name (`filter`, e.g. "CSV tables (*.csv)", suggesting
// `suggested`) and hands it to `save`; a failure's reason goes to `failed`.
QPushButton* exportButton(QWidget* parent, const QString& text, const QString& suggested,
                          const QString& filter, std::function<QString(const QString&)> save,
                          std::function<void(const QString&)> failed);

}  // namespace reslens
