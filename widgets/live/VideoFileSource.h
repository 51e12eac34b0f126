#pragma once

// A video file's frames, decoded on the live controller's decoding thread by imaging's
// VideoReader (the CLI's classify --video reads the same way, so the app and the CLI see the
// same pixels). It only decodes what it is asked for: the controller paces it, at the file's
// own rate or as fast as the network goes.

#include <QObject>

#include <memory>

#include "widgets/live/LiveTypes.h"

namespace reslens {

class VideoReader;

class VideoFileSource : public QObject {
    Q_OBJECT

public:
    VideoFileSource();
    ~VideoFileSource() override;

public Q_SLOTS:
    // Emits opened, or failed with one line (the previous file stays open then).
    void open(const QString& path);
    // Emits frameRead, ended at the end of the stream, or failed (truncated, damaged).
    void readNext();
    // The next readNext() gives `frame`.
    void seek(qint64 frame);
    void close();

Q_SIGNALS:
    void opened(const reslens::VideoDetails& details);
    void frameRead(const reslens::LiveFrame& frame);
    void ended();
    void failed(const QString& message);

private:
    std::unique_ptr<VideoReader> reader_;
};

}  // namespace reslens
