#pragma once

// Runs the lessons (LessonCatalog.h) through a LessonHost: sets the app up for one teaching
// point in one click — model, tab, recipe — starts what the lesson measures, and hands what
// comes back to LessonFindings, which says it with this run's numbers. Every number a lesson
// states is measured on this machine, never quoted.

#include <QMap>
#include <QObject>
#include <QStringList>
#include <QVector>

#include <functional>
#include <optional>

#include "widgets/lessons/LessonCatalog.h"
#include "widgets/lessons/LessonFindings.h"

namespace reslens {

class LessonHost;
struct CamTrace;
struct ModelRequest;
struct ModelView;

class LessonDirector : public QObject {
    Q_OBJECT

public:
    LessonDirector(LessonHost& host, QObject* parent);

    // Sets up and starts the lesson. Refused, with the reason in the host's message bar,
    // while the lab, a lesion study or a landscape is running: a lesson never stops a run.
    bool start(LessonId lesson);
    // The lesson's guide closes; a run the lesson started goes on (its tab can stop it).
    void end();
    std::optional<LessonId> current() const { return current_; }
    // The same lesson on fewer steps and images, for the tests; the texts do not change.
    void setShortVersion(bool shortVersion) { short_ = shortVersion; }

    // What the lesson measured so far, as shown, in order; and whether all of it is in.
    const QStringList& findings() const { return findings_; }
    bool complete() const { return complete_; }
    // The numbers behind the findings by name ("plain56.firstOverLast", ...), for the tests.
    const QMap<QString, double>& values() const { return values_; }
    // How long the lesson took from the click to its last measurement, in seconds.
    double seconds() const { return seconds_; }

Q_SIGNALS:
    void started(reslens::LessonId lesson);
    void findingsChanged();
    void completed();
    void ended();
    // The lesson's screen shows what it teaches, with a first measurement: step 1's
    // profile for the paired-run lessons, else the complete result (the docs' screenshots).
    void showcaseReady();

private:
    void disconnectAll();
    void add(const LessonFindings::Findings& findings);
    void finish();
    void finishWith(const QString& sentence);  // one last sentence, e.g. why it stopped
    // Opens the model and, once the window shows it (`isIt`), does `then`.
    void openThen(const ModelRequest& request, const std::function<bool(const ModelView&)>& isIt,
                  const std::function<void()>& then);

    void startPairedRun(const QString& arch, bool batchNorm);
    void onPairedStep(LessonId lesson);
    void onPairedRunFinished(LessonId lesson);
    void startDegradationPair(int pair);
    void showBottleneck();
    void startLesionStudy();
    void onLesionStudyFinished();
    void startLandscape();
    void onLandscapeFinished();
    void startEvidence();
    void onEvidenceTraced(const CamTrace& trace);

    LessonHost& host_;
    std::optional<LessonId> current_;
    bool short_ = false;
    QStringList findings_;
    QMap<QString, double> values_;
    bool complete_ = false;
    bool firstStepShown_ = false;
    bool showcaseShown_ = false;
    int degradationPair_ = 0;
    qint64 startedMs_ = 0;
    double seconds_ = 0;
    QVector<QMetaObject::Connection> connections_;
};

}  // namespace reslens
