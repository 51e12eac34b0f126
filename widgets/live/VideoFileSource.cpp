#include "widgets/live/VideoFileSource.h"

#include <QElapsedTimer>

#include <exception>

#include "imaging/VideoReader.h"
#include "widgets/explorer/ImageConversion.h"

namespace reslens {

VideoFileSource::VideoFileSource() = default;

VideoFileSource::~VideoFileSource() = default;

void VideoFileSource::open(const QString& path) {
    try {
        auto reader = std::make_unique<VideoReader>(path.toStdString());
        const VideoInfo& info = reader->info();
        reader_ = std::move(reader);
        Q_EMIT opened({path, info.width, info.height, info.framesPerSecond, info.frameCount});
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
}

void VideoFileSource::readNext() {
    if (!reader_) {
        Q_EMIT ended();  // closed: every request is answered once
        return;
    }
    try {
        QElapsedTimer timer;
        timer.start();
        const std::optional<VideoFrame> frame = reader_->next();
        if (!frame) {
            Q_EMIT ended();
            return;
        }
        LiveFrame live;
        live.image = qImageFromMat(frame->image.pixels);
        live.index = frame->index;
        live.timeSeconds = frame->timeSeconds;
        live.decodeMilliseconds = timer.nsecsElapsed() / 1e6;
        Q_EMIT frameRead(live);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
}

void VideoFileSource::seek(qint64 frame) {
    if (!reader_) {
        return;
    }
    try {
        reader_->seek(frame);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
}

void VideoFileSource::close() {
    reader_.reset();
}

}  // namespace reslens
