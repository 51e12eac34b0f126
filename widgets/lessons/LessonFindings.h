#pragma once

// What a lesson says it measured: from the results a run produced to the sentences the
// guide shows and the numbers behind them. The sentences carry this run's numbers, and a
// sentence that compares is chosen by how the run came out. LessonDirector decides when;
// this decides what is said.

#include <QCoreApplication>
#include <QMap>
#include <QStringList>
#include <QVector>

#include "app/core/studies/LandscapeRequest.h"
#include "app/core/studies/LesionTypes.h"
#include "model/network/ArchitectureSummary.h"
#include "widgets/lessons/LessonCatalog.h"

namespace reslens {

class TrainingHistory;
struct CamTrace;

class LessonFindings {
    Q_DECLARE_TR_FUNCTIONS(LessonFindings)

public:
    struct Findings {
        QStringList sentences;
        QMap<QString, double> values;  // by name, e.g. "plain56.firstOverLast"
        bool clean = true;             // every run ended as planned (none diverged or stopped)
    };

    // A paired run's first step (why skips, without batch norm): the gradient's spread.
    static Findings firstStep(const TrainingHistory& history, LessonId lesson);
    // Its end: the last tenth's losses and what they show. `firstLosses` are firstStep's
    // values ("<run>.firstLoss").
    static Findings runEnd(const TrainingHistory& history, LessonId lesson,
                           const QMap<QString, double>& firstLosses);
    // One pair of the degradation lesson (0: 20 layers, 1: 56), then the two compared.
    static Findings degradationPair(const TrainingHistory& history, int pair);
    static Findings degradation(const QMap<QString, double>& pairs);
    static Findings bottleneck(const BlockAccount& block);
    static Findings lesion(const QVector<NamedLesionStudy>& studies);
    static Findings landscape(const QVector<NamedLandscape>& slices,
                              const LandscapeOptions& options);
    static Findings evidence(const CamTrace& trace);

    // A number as the findings write it: 2 decimals below 10, 1 below 100, else none.
    static QString number(double value);
    static QString percent(double share);  // 0.934 -> "93.4"
};

}  // namespace reslens
