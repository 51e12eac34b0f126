#pragma once

// The lab's side of saved runs: its history, recipe and trained weights to the application
// layer's SavedRun and back, and the file (or compare folder) read and written through it.
// The format and every check of it live in app/core (SavedRunFile, CompareFolder).

#include <QByteArray>
#include <QString>
#include <QVector>

#include "widgets/lab/TrainingHistory.h"
#include "widgets/lab/TrainingTypes.h"

namespace reslens {

struct LabRun {
    TrainingHistory history;
    TrainingRequest request;
    QVector<QByteArray> weights;  // per run: a ResLens model file, or empty
    QString source;               // "ResLens training lab", "reslens-cli compare"
};

// Returns an empty string on success, else the one-line reason.
QString writeLabRun(const QString& path, const LabRun& run);
// A saved-run file or a compare folder; on failure `run` is untouched and the reason returned.
QString readLabRun(const QString& path, LabRun* run);

}  // namespace reslens
