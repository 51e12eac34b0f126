#pragma once

// The main toolbar: previous/next block, the device and the CPU threads. A device or thread
// change applies to the next run; a run in progress keeps what it started with, and says so.

#include <QToolBar>

class QComboBox;
class QSpinBox;

namespace reslens {

class ExplorerController;
class LessonHost;
class MessageBar;

class MainToolbar : public QToolBar {
    Q_OBJECT

public:
    MainToolbar(ExplorerController* explorer, LessonHost& host, MessageBar* messages,
                QWidget* parent);

    // At start-up: `threads` (0: every core) and `device` ("cpu", "cuda:0", …).
    void restore(int threads, const QString& device);
    int threads() const;
    // The device the worker could not use was refused: back to the first (the CPU).
    void resetDevice();

private:
    ExplorerController* explorer_;
    QComboBox* device_;
    QSpinBox* threads_;
};

}  // namespace reslens
