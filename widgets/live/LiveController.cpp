#include "widgets/live/LiveController.h"

#include <QCameraDevice>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

#include "widgets/common/Export.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/live/CameraSource.h"
#include "widgets/live/LiveBar.h"
#include "widgets/live/VideoFileSource.h"

namespace reslens {
namespace {

// The stages' times are averaged over about the last five frames: steady enough to read,
// quick to follow a change of block or model.
constexpr double kAverageWeight = 0.2;

void average(double& mean, double value, bool first) {
    mean = first ? value : mean + kAverageWeight * (value - mean);
}

}  // namespace

LiveController::LiveController(ExplorerController* explorer, QObject* parent)
    : QObject(parent),
      explorer_(explorer),
      bar_(nullptr),
      video_source_(new VideoFileSource),
      camera_(new CameraSource(this)) {
    qRegisterMetaType<LiveFrame>();
    qRegisterMetaType<VideoDetails>();
    decodeThread_.setObjectName("ResLens video decoding");
    video_source_->moveToThread(&decodeThread_);
    connect(&decodeThread_, &QThread::finished, video_source_, &QObject::deleteLater);
    decodeThread_.start();
    connect(video_source_, &VideoFileSource::opened, this, &LiveController::onVideoOpened);
    connect(video_source_, &VideoFileSource::failed, this, &LiveController::onVideoFailed);
    connect(video_source_, &VideoFileSource::ended, this, &LiveController::onVideoEnded);
    connect(video_source_, &VideoFileSource::frameRead, this, &LiveController::onDecoded);
    connect(camera_, &CameraSource::frameAvailable, this, &LiveController::takeCameraFrame);
    connect(camera_, &CameraSource::failed, this, [this](const QString& message) {
        setPlaying(false);
        setSource(Source::None);
        Q_EMIT errorOccurred(message);
    });
    connect(explorer_, &ExplorerController::classificationAnswered, this,
            &LiveController::onAnswered);
    connect(explorer_, &ExplorerController::frameShown, this, &LiveController::onFrameShown);
    ticker_.setTimerType(Qt::PreciseTimer);
    connect(&ticker_, &QTimer::timeout, this, &LiveController::onTick);
    clock_.start();
    bar_ = new LiveBar(this);
}

LiveController::~LiveController() {
    ticker_.stop();
    camera_->stop();
    decodeThread_.quit();
    decodeThread_.wait();
    if (bar_ && !bar_->parent()) {
        delete bar_;  // never placed
    }
}

void LiveController::openVideo(const QString& path, const QString& title) {
    pendingPath_ = path;
    pendingTitle_ = title;
    QMetaObject::invokeMethod(video_source_, [s = video_source_, path] { s->open(path); });
}

void LiveController::onVideoOpened(const VideoDetails& details) {
    if (details.path != pendingPath_) {
        return;  // a later open overtook it
    }
    pendingPath_.clear();
    camera_->stop();
    video_ = details;
    title_ = pendingTitle_;
    stale_ = decodes_;  // asked of the file before this one
    stepPending_ = false;
    waiting_.reset();
    shownIndex_ = -1;
    stats_ = {};
    setSource(Source::Video);
    setPlaying(true);
}

void LiveController::onVideoFailed(const QString& message) {
    if (!pendingPath_.isEmpty()) {
        pendingPath_.clear();  // the file did not open: whatever was live goes on
    } else {
        // Mid-stream (truncated, damaged): the stream stops, the last frame stays.
        decodes_ = std::max(0, decodes_ - 1);
        stepPending_ = false;
        setPlaying(false);
    }
    Q_EMIT errorOccurred(message);
}

void LiveController::onVideoEnded() {
    decodes_ = std::max(0, decodes_ - 1);
    if (stale_ > 0) {
        --stale_;  // the end of where the video was before a seek
        return;
    }
    if (source_ != Source::Video) {
        return;
    }
    stepPending_ = false;
    // Not setPlaying(false): the frame waiting for the worker is the video's last, and the
    // screen ends on it.
    ticker_.stop();
    playing_ = false;
    Q_EMIT stateChanged();
    Q_EMIT videoEnded();
}

void LiveController::startCamera(const QCameraDevice& device) {
    QString error;
    if (!camera_->start(device, &error)) {
        Q_EMIT errorOccurred(error);
        return;
    }
    QMetaObject::invokeMethod(video_source_, [s = video_source_] { s->close(); });
    waiting_.reset();
    shownIndex_ = -1;
    stats_ = {};
    setSource(Source::Camera);
    setPlaying(true);
}

void LiveController::stop() {
    setPlaying(false);
    camera_->stop();
    QMetaObject::invokeMethod(video_source_, [s = video_source_] { s->close(); });
    setSource(Source::None);
}

void LiveController::setSource(Source source) {
    source_ = source;
    Q_EMIT stateChanged();
}

void LiveController::setPlaying(bool playing) {
    if (source_ == Source::None) {
        playing = false;
    }
    ticker_.stop();
    if (!playing) {
        waiting_.reset();  // paused: the frame on screen is the one that stays
    }
    playing_ = playing;
    if (playing_) {
        meter_.reset();
        if (source_ == Source::Video) {
            // Play at the end starts again from the beginning.
            if (video_.frameCount > 0 && shownIndex_ >= video_.frameCount - 1) {
                seek(0);
            }
            if (asFast_) {
                if (decodes_ == 0) {  // one decode at a time: a second would drop a frame
                    requestDecode();
                }
            } else {
                const double fps = video_.framesPerSecond > 0 ? video_.framesPerSecond : 25;
                ticker_.start(std::max(1, int(1000.0 / fps + 0.5)));
            }
        } else if (source_ == Source::Camera) {
            takeCameraFrame();
        }
    }
    Q_EMIT stateChanged();
}

void LiveController::togglePlaying() {
    setPlaying(!playing_);
}

void LiveController::step() {
    if (playing_) {
        setPlaying(false);
    }
    if (source_ == Source::Video) {
        seek(shownIndex_ + 1);
    } else if (source_ == Source::Camera) {
        if (std::optional<LiveFrame> frame = camera_->takeFrame()) {
            offer(*frame);
        }
    }
}

void LiveController::seek(qint64 frame) {
    if (source_ != Source::Video) {
        return;
    }
    waiting_.reset();
    stale_ = decodes_;  // frames decoded from before the seek are not shown
    QMetaObject::invokeMethod(video_source_, [s = video_source_, frame] { s->seek(frame); });
    if (!playing_) {
        stepPending_ = true;
        requestDecode();
    } else if (asFast_) {
        requestDecode();  // the frame in the slot and any decode under way are gone
    }
}

void LiveController::setAsFastAsNetwork(bool fast) {
    if (fast == asFast_) {
        return;
    }
    asFast_ = fast;
    if (playing_) {
        setPlaying(true);  // re-paced
    }
    Q_EMIT stateChanged();
}

void LiveController::onTick() {
    if (decodes_ == 0) {
        requestDecode();
    }
}

void LiveController::requestDecode() {
    ++decodes_;
    QMetaObject::invokeMethod(video_source_, [s = video_source_] { s->readNext(); });
}

void LiveController::onDecoded(const LiveFrame& frame) {
    decodes_ = std::max(0, decodes_ - 1);
    if (stale_ > 0) {
        --stale_;
        return;
    }
    if (source_ != Source::Video) {
        return;
    }
    if (stepPending_) {
        stepPending_ = false;
        offer(frame);
        return;
    }
    if (!playing_) {
        return;  // decoded just before a pause
    }
    offer(frame);
    // As fast as the network goes: one frame decoded ahead, while the worker has the other.
    if (asFast_ && !waiting_) {
        requestDecode();
    }
}

void LiveController::takeCameraFrame() {
    if (source_ != Source::Camera || !playing_) {
        return;
    }
    if (inFlightRequest_ != 0) {
        // Taken when the worker is free; a frame replaced before then is one dropped.
        if (waiting_) {
            ++stats_.dropped;
        }
        waiting_ = LiveFrame();  // a placeholder: the camera keeps the newest frame itself
        return;
    }
    if (std::optional<LiveFrame> frame = camera_->takeFrame()) {
        send(*frame);
    }
}

void LiveController::offer(const LiveFrame& frame) {
    if (inFlightRequest_ == 0) {
        send(frame);
        return;
    }
    if (waiting_) {
        ++stats_.dropped;  // newest wins: the waiting frame is never shown
    }
    waiting_ = frame;
}

void LiveController::send(const LiveFrame& frame) {
    inFlightRequest_ = explorer_->classifyFrame(frame.image, frameLabel(frame));
    sent_[inFlightRequest_] = {frame, clock_.nsecsElapsed() / 1e9};
}

void LiveController::onAnswered(int requestId, bool ok) {
    if (inFlightRequest_ == 0 || requestId < inFlightRequest_) {
        return;
    }
    // This frame, or a newer request (a dropped image) that superseded it: the worker is free.
    inFlightRequest_ = 0;
    if (!ok) {
        setPlaying(false);  // one message (the explorer's), not one a frame
        return;
    }
    if (source_ == Source::Camera) {
        if (waiting_) {
            waiting_.reset();
            takeCameraFrame();
        }
        return;
    }
    if (waiting_) {
        const LiveFrame next = *waiting_;
        waiting_.reset();
        send(next);
        if (asFast_ && playing_ && decodes_ == 0) {
            requestDecode();
        }
    }
}

void LiveController::onFrameShown(int requestId, const FrameTiming& timing) {
    const auto found = sent_.find(requestId);
    if (found == sent_.end()) {
        return;  // not a live frame
    }
    const LiveFrame frame = found->second.first;
    const double sentAt = found->second.second;
    sent_.erase(sent_.begin(), std::next(found));  // and any older one never shown
    shown_ = frame;
    shownIndex_ = frame.index;
    const double now = clock_.nsecsElapsed() / 1e9;
    meter_.frameShown(now);
    const bool first = stats_.shown == 0;
    ++stats_.shown;
    stats_.framesPerSecond = meter_.framesPerSecond();
    average(stats_.millisecondsPerFrame, (now - sentAt) * 1000.0 + frame.decodeMilliseconds, first);
    average(stats_.decodeMilliseconds, frame.decodeMilliseconds, first);
    average(stats_.prepareMilliseconds, timing.prepareMilliseconds, first);
    average(stats_.forwardMilliseconds, timing.forwardMilliseconds, first);
    average(stats_.renderMilliseconds, timing.renderMilliseconds, first);
    average(stats_.showMilliseconds, timing.showMilliseconds, first);
    Q_EMIT frameShown(frame.index);
    Q_EMIT statsChanged(stats_);
}

QString LiveController::frameLabel(const LiveFrame& frame) const {
    if (source_ == Source::Camera) {
        return camera_->name();
    }
    return tr("%1 · frame %2").arg(videoTitle()).arg(frame.index + 1);
}

QString LiveController::videoTitle() const {
    return title_.isEmpty() ? QFileInfo(video_.path).fileName() : title_;
}

QString LiveController::snapshot(const QString& path) {
    if (shown_.image.isNull()) {
        const QString error = tr("No frame to save yet.");
        Q_EMIT errorOccurred(error);
        return {};
    }
    QString target = path;
    if (target.isEmpty()) {
        QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        if (folder.isEmpty()) {
            folder = QDir::homePath();
        }
        folder += "/ResLens";
        QDir().mkpath(folder);
        target = folder + "/" +
                 QDateTime::currentDateTime().toString("'snapshot-'yyyyMMdd-HHmmss-zzz'.png'");
    }
    const QString error = saveImage(shown_.image, target);
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(tr("The snapshot was not saved: %1").arg(error));
        return {};
    }
    Q_EMIT snapshotSaved(target);
    return target;
}

}  // namespace reslens
