#pragma once

// Runs the lessons (LessonCatalog.h) through a LessonHost: sets the app up for one teaching
// point in one click — model, tab, recipe — and measures it over several seeds. The first
// seed runs where the class sees it (the lab, the lesion study, the landscape); the others
// run at the same time on a study runner, headless, through the same application-layer
// experiment as `reslens-cli lessons --measure`. What the lesson then says comes from
// LessonReport (app/core): each number's median and range over the seeds, this run's value,
// and sentences only as strong as the seeds bear out.

#include <QMap>
#include <QObject>
#include <QStringList>
#include <QTemporaryFile>
#include <QVector>

#include <algorithm>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "app/core/lessons/LessonRecord.h"
#include "app/core/lessons/LessonSettings.h"
#include "app/core/lessons/SeedMeasure.h"
#include "widgets/lessons/LessonCatalog.h"

namespace reslens {

class LessonHost;
class StudyRunner;
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
    // The lesson's guide closes; a run the lesson started goes on (its tab can stop it), the
    // seeds measured in the background stop.
    void end();
    std::optional<LessonId> current() const { return current_; }
    // The same lessons on fewer steps and images (LessonSettings::shortVersion), for the
    // tests; the texts do not change.
    void setShortVersion(bool shortVersion);

    // Seeds per lesson that trains or samples, from the next start on: 3 by default; 1 is
    // the quick version, one run, and says so. Each start takes new seeds: the first lesson
    // run measures seeds 1..n (the reference record's), "Run again" the next n.
    void setSeedCount(int seeds);
    int seedCount() const { return seedCount_; }
    // The first seed of the next start (the tests start from the reference record's 1).
    void setNextSeed(uint64_t seed) { nextSeed_ = std::max<uint64_t>(1, seed); }
    // The seeds of the lesson in progress; empty for a lesson without seeds.
    const std::vector<uint64_t>& seeds() const { return seeds_; }

    // What the lesson said so far, as shown, in order; and whether all of it is in.
    const QStringList& findings() const { return findings_; }
    bool complete() const { return complete_; }
    // This run's numbers (the seed on screen) by name ("plain56.firstOverLast", ...).
    const QMap<QString, double>& values() const { return values_; }
    // The lesson over all its seeds, once complete.
    const std::optional<LessonRecord>& record() const { return record_; }
    // The reference machine's record of this lesson (docs/lessons/measured.json, compiled
    // in), when it has one.
    const LessonRecord* reference() const;
    // The background seeds' progress, e.g. "seed 2: resnet56, step 120 of 300 — 40%"; empty
    // when none run.
    const QString& backgroundProgress() const { return backgroundProgress_; }
    // About how long the lesson takes, from the reference record (seconds per seed there x
    // seeds here); 0 when there is no reference.
    double estimatedSeconds(LessonId lesson) const;
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
    void finish();
    void finishWith(const QString& sentence);  // one last sentence, e.g. why it stopped
    // This run is measured; the lesson is said once the background seeds are in too.
    void shownMeasured();
    void reportIfDone();
    void startBackgroundSeeds();
    void retireSeedRunner();
    // Opens the model and, once the window shows it (`isIt`), does `then`.
    void openThen(const ModelRequest& request, const std::function<bool(const ModelView&)>& isIt,
                  const std::function<void()>& then);

    void startPairedRun(const QString& arch, bool batchNorm);
    void onPairedStep();
    void onPairedRunFinished(LessonId lesson);
    void startDegradationPair(int pair);
    void showBottleneck();
    void startLesionStudy();
    void onLesionStudyFinished();
    void startLandscape();
    void onLandscapeFinished();
    void startEvidence();
    void startGradientLines();
    void onGradientLinesFinished();
    void startWatching();
    void onClipPlayed();
    void onEvidenceTraced(const CamTrace& trace);

    LessonHost& host_;
    StudyRunner* seedRunner_ = nullptr;  // one per lesson run: a restart retires the old
    std::optional<LessonId> current_;
    LessonSettings settings_ = LessonSettings::reference();
    int seedCount_ = 3;
    uint64_t nextSeed_ = 1;
    std::vector<uint64_t> seeds_;
    SeedMeasure shown_;  // the seed on screen
    // Watch the blocks: the clip as a file the video decoder can open, its manifest, and the
    // top-1 class of each frame shown.
    std::unique_ptr<QTemporaryFile> clipFile_;
    TurningClip clip_;
    QMap<qint64, int64_t> clipTop1_;
    std::vector<SeedMeasure> others_;  // the seeds measured in the background
    bool shownDone_ = false;
    bool othersDone_ = false;
    int generation_ = 0;  // results of a lesson that was restarted or ended are dropped
    std::optional<LessonRecord> record_;
    std::vector<LessonRecord> references_;
    QString backgroundProgress_;
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
