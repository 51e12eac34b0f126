#pragma once

// The live controls under the input: play/pause, next frame, snapshot and stop, a video's
// position and its "as fast as the network" pace, and how the view keeps up (frames per
// second, time per frame, frames dropped, each stage's time). Hidden while nothing is live.
// Its actions carry the shortcuts (Space, Period, Ctrl+Shift+S) for the menus to list.

#include <QWidget>

#include "widgets/live/LiveTypes.h"

class QAction;
class QCheckBox;
class QLabel;
class QSlider;
class QToolButton;

namespace reslens {

class LiveController;

class LiveBar : public QWidget {
    Q_OBJECT

public:
    explicit LiveBar(LiveController* controller);

    QAction* playAction() const { return play_; }
    QAction* stepAction() const { return step_; }
    QAction* snapshotAction() const { return snapshot_; }
    QAction* stopAction() const { return stop_; }
    QSlider* position() const { return position_; }
    QCheckBox* asFastBox() const { return asFast_; }
    // "24.8 frames/s · 40 ms a frame · 3 dropped" and the stages' line.
    QString rateText() const;
    QString stagesText() const;

private:
    void onStateChanged();
    void onStatsChanged(const LiveStats& stats);
    void onFrameShown(qint64 index);
    // The source's name, with the frame on screen once there is one.
    void updateSourceText();

    LiveController* controller_;
    QAction* play_;
    QAction* step_;
    QAction* snapshot_;
    QAction* stop_;
    QLabel* source_;
    QSlider* position_;
    QCheckBox* asFast_;
    QLabel* rate_;
    QLabel* stages_;
};

}  // namespace reslens
