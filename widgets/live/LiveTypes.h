#pragma once

// What the live sources hand the live controller, and what it reports: plain values that
// cross threads by Qt's queued signals.

#include <QImage>
#include <QMetaType>
#include <QString>

namespace reslens {

// One frame of a camera or a video.
struct LiveFrame {
    QImage image;
    qint64 index = -1;       // the video's frame (0-based); a camera's count of frames taken
    double timeSeconds = 0;  // the frame's presentation time (a video's)
    double decodeMilliseconds = 0;
};

struct VideoDetails {
    QString path;
    int width = 0;
    int height = 0;
    double framesPerSecond = 0;  // 0: the file does not say
    qint64 frameCount = 0;       // 0: the file does not say
};

// How the live view is keeping up: frames shown per second over the last seconds, frames
// dropped because a newer one arrived while the worker was busy, and each stage's mean time
// over the recent frames (an exponential average).
struct LiveStats {
    double framesPerSecond = 0;
    double millisecondsPerFrame = 0;  // from the frame's arrival to its grid on screen
    qint64 shown = 0;
    qint64 dropped = 0;
    double decodeMilliseconds = 0;
    double prepareMilliseconds = 0;
    double forwardMilliseconds = 0;
    double renderMilliseconds = 0;
    double showMilliseconds = 0;
};

}  // namespace reslens

Q_DECLARE_METATYPE(reslens::LiveFrame)
Q_DECLARE_METATYPE(reslens::VideoDetails)
