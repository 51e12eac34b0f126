#pragma once

// The explorer fed live: frames of a camera or a video file go to the explorer's worker one
// at a time. A frame that arrives while one is in the worker waits in a single slot, and a
// newer one replaces it (newest wins: the older is dropped, never queued), so the view
// follows the scene instead of falling behind it. A video plays at its own rate (frames are
// dropped when the network is slower) or as fast as the network goes (none are). Paused, the
// frame on screen is an ordinary still image: the block list steps through it, a snapshot
// saves it, and a video steps frame by frame.

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <map>
#include <optional>
#include <utility>

#include "app/core/explorer/FrameRateMeter.h"
#include "widgets/explorer/ViewTypes.h"
#include "widgets/live/LiveBar.h"
#include "widgets/live/LiveTypes.h"

class QCameraDevice;

namespace reslens {

class CameraSource;
class ExplorerController;
class VideoFileSource;

class LiveController : public QObject {
    Q_OBJECT

public:
    enum class Source { None, Camera, Video };

    explicit LiveController(ExplorerController* explorer, QObject* parent = nullptr);
    // Stops the source and its decoding thread.
    ~LiveController() override;

    // The controls, for the shell to place (under the input); hidden while nothing is live.
    LiveBar* bar() const { return bar_; }

    // Opens a video and plays it; a file that cannot be read: errorOccurred, nothing changes.
    // `title` names it on screen (a lesson's copy of its clip); empty: the file's name.
    void openVideo(const QString& path, const QString& title = {});
    // Starts a camera; one that cannot be used: errorOccurred.
    void startCamera(const QCameraDevice& device);
    // Back to still images; the last frame stays on screen.
    void stop();

    void setPlaying(bool playing);
    void togglePlaying();
    // Paused: the video's next frame (a camera's newest).
    void step();
    // A video: the next frame shown is `frame`.
    void seek(qint64 frame);
    // A video: as fast as the network goes (no frame dropped) instead of at its own rate.
    void setAsFastAsNetwork(bool fast);
    // Saves the frame on screen as PNG: to `path`, or when empty to a new file in the
    // pictures folder. The file written, or "" with errorOccurred.
    QString snapshot(const QString& path = {});

    Source source() const { return source_; }
    bool playing() const { return playing_; }
    bool asFastAsNetwork() const { return asFast_; }
    const VideoDetails& video() const { return video_; }
    QString videoTitle() const;
    qint64 shownFrame() const { return shownIndex_; }  // -1 before the first
    const LiveStats& stats() const { return stats_; }
    CameraSource* camera() const { return camera_; }

Q_SIGNALS:
    void stateChanged();
    void statsChanged(const reslens::LiveStats& stats);
    // A frame is on screen with its predictions and the selected block's feature maps.
    void frameShown(qint64 index);
    void videoEnded();
    void errorOccurred(const QString& message);
    void snapshotSaved(const QString& path);

private:
    void offer(const LiveFrame& frame);  // a frame arrived: to the worker or the slot
    void send(const LiveFrame& frame);
    void onAnswered(int requestId, bool ok);
    void onFrameShown(int requestId, const FrameTiming& timing);
    void onVideoOpened(const VideoDetails& details);
    void onVideoFailed(const QString& message);
    void onVideoEnded();
    void onDecoded(const LiveFrame& frame);
    void onTick();
    void requestDecode();
    void takeCameraFrame();
    void setSource(Source source);
    QString frameLabel(const LiveFrame& frame) const;

    ExplorerController* explorer_;
    // The shell places the bar in its input panel, which may be destroyed first.
    QPointer<LiveBar> bar_;
    QThread decodeThread_;
    VideoFileSource* video_source_;
    CameraSource* camera_;
    QTimer ticker_;  // a video's own rate

    Source source_ = Source::None;
    VideoDetails video_;
    QString pendingPath_;  // a video being opened
    QString pendingTitle_;
    QString title_;
    bool playing_ = false;
    bool asFast_ = false;
    // Decodes asked for and not answered yet (the decoding thread answers each once, in
    // order), and how many of those answer for a position left by a seek since: skipped.
    int decodes_ = 0;
    int stale_ = 0;
    bool stepPending_ = false;          // paused: show the next decoded frame
    std::optional<LiveFrame> waiting_;  // the single slot: the newest frame not yet sent
    int inFlightRequest_ = 0;           // the worker's frame, 0 when it has none
    // Frames sent and not yet on screen (at most two: one shown while the next is worked
    // on), with the time each was sent.
    std::map<int, std::pair<LiveFrame, double>> sent_;
    LiveFrame shown_;
    qint64 shownIndex_ = -1;
    QElapsedTimer clock_;
    FrameRateMeter meter_;
    LiveStats stats_;
};

}  // namespace reslens
