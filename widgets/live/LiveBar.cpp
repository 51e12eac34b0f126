#include "widgets/live/LiveBar.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/live/CameraSource.h"
#include "widgets/live/LiveController.h"

namespace reslens {
namespace {

QToolButton* buttonFor(QAction* action) {
    auto* button = new QToolButton;
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    // Icons only: the input dock is narrow; the tooltips name them and their keys.
    button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    return button;
}

}  // namespace

LiveBar::LiveBar(LiveController* controller)
    : controller_(controller),
      play_(new QAction(tr("Pause"), this)),
      step_(new QAction(tr("Next frame"), this)),
      snapshot_(new QAction(tr("Snapshot"), this)),
      stop_(new QAction(tr("Stop live input"), this)),
      source_(new QLabel),
      position_(new QSlider(Qt::Horizontal)),
      asFast_(new QCheckBox(tr("As fast as the network"))),
      rate_(new QLabel),
      stages_(new QLabel) {
    play_->setShortcut(QKeySequence(Qt::Key_Space));
    step_->setShortcut(QKeySequence(Qt::Key_Period));
    snapshot_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    step_->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    stop_->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    snapshot_->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    snapshot_->setToolTip(tr("Save the frame on screen as PNG in the pictures folder (%1)")
                              .arg(snapshot_->shortcut().toString(QKeySequence::NativeText)));
    step_->setToolTip(tr("Pause and show the next frame (%1); the block list steps through "
                         "the frame on screen")
                          .arg(step_->shortcut().toString(QKeySequence::NativeText)));
    asFast_->setToolTip(
        tr("Every frame, each as soon as the network is done with the last "
           "(none dropped); off, the video plays at its own rate and frames "
           "the network has no time for are dropped"));
    position_->setToolTip(tr("Position in the video"));
    stages_->setToolTip(
        tr("Mean time of each stage over the last frames: decode, prepare "
           "(crop, resize, normalise), forward with the block probes, render "
           "(the selected block's feature maps), show (the window's panels)"));
    rate_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel* label : {source_, rate_, stages_}) {
        label->setWordWrap(true);  // the dock may be narrower than a line
    }
    QFont font = stages_->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    stages_->setFont(font);

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(buttonFor(play_));
    buttons->addWidget(buttonFor(step_));
    buttons->addWidget(buttonFor(snapshot_));
    buttons->addWidget(buttonFor(stop_));
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(source_);
    layout->addLayout(buttons);
    layout->addWidget(position_);
    layout->addWidget(asFast_);
    layout->addWidget(rate_);
    layout->addWidget(stages_);

    connect(play_, &QAction::triggered, controller_, &LiveController::togglePlaying);
    connect(step_, &QAction::triggered, controller_, &LiveController::step);
    connect(snapshot_, &QAction::triggered, controller_, [this] { controller_->snapshot(); });
    connect(stop_, &QAction::triggered, controller_, &LiveController::stop);
    connect(asFast_, &QCheckBox::toggled, controller_, &LiveController::setAsFastAsNetwork);
    // A drag moves the video when it is let go; a click or a key moves it at once.
    connect(position_, &QSlider::sliderReleased, controller_,
            [this] { controller_->seek(position_->value()); });
    connect(position_, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove) {
            controller_->seek(position_->sliderPosition());
        }
    });
    connect(controller_, &LiveController::stateChanged, this, &LiveBar::onStateChanged);
    connect(controller_, &LiveController::statsChanged, this, &LiveBar::onStatsChanged);
    connect(controller_, &LiveController::frameShown, this, &LiveBar::onFrameShown);
    onStateChanged();
}

void LiveBar::onStateChanged() {
    const LiveController::Source source = controller_->source();
    const bool live = source != LiveController::Source::None;
    const bool video = source == LiveController::Source::Video;
    setVisible(live);
    for (QAction* action : {play_, step_, snapshot_, stop_}) {
        action->setEnabled(live);
    }
    const bool playing = controller_->playing();
    play_->setText(playing ? tr("Pause") : tr("Play"));
    play_->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    play_->setToolTip(
        tr("%1 (%2); paused, the frame on screen is a still image")
            .arg(play_->text(), play_->shortcut().toString(QKeySequence::NativeText)));
    position_->setVisible(video && controller_->video().frameCount > 0);
    position_->setRange(0, int(std::max<qint64>(0, controller_->video().frameCount - 1)));
    asFast_->setVisible(video);
    {
        const QSignalBlocker quiet(asFast_);  // the controller's state, not a user's click
        asFast_->setChecked(controller_->asFastAsNetwork());
    }
    updateSourceText();
}

QString LiveBar::rateText() const {
    const LiveStats& s = controller_->stats();
    return tr("%1 frames/s · %2 ms a frame · %3 dropped")
        .arg(s.framesPerSecond, 0, 'f', 1)
        .arg(s.millisecondsPerFrame, 0, 'f', 1)
        .arg(s.dropped);
}

QString LiveBar::stagesText() const {
    const LiveStats& s = controller_->stats();
    return tr("decode %1 · prepare %2 · forward %3 · render %4 · show %5 ms")
        .arg(s.decodeMilliseconds, 0, 'f', 1)
        .arg(s.prepareMilliseconds, 0, 'f', 1)
        .arg(s.forwardMilliseconds, 0, 'f', 1)
        .arg(s.renderMilliseconds, 0, 'f', 1)
        .arg(s.showMilliseconds, 0, 'f', 1);
}

void LiveBar::onStatsChanged(const LiveStats&) {
    rate_->setText(rateText());
    stages_->setText(stagesText());
}

void LiveBar::updateSourceText() {
    const qint64 index = controller_->shownFrame();
    if (controller_->source() == LiveController::Source::Camera) {
        source_->setText(
            index < 0 ? controller_->camera()->name()
                      : tr("%1 · frame %2").arg(controller_->camera()->name()).arg(index + 1));
        return;
    }
    const VideoDetails& video = controller_->video();
    if (index < 0) {
        source_->setText(controller_->videoTitle());
    } else if (video.frameCount > 0) {
        source_->setText(tr("%1 · frame %2 of %3")
                             .arg(controller_->videoTitle())
                             .arg(index + 1)
                             .arg(video.frameCount));
    } else {
        source_->setText(tr("%1 · frame %2").arg(controller_->videoTitle()).arg(index + 1));
    }
}

void LiveBar::onFrameShown(qint64 index) {
    updateSourceText();
    if (!position_->isSliderDown()) {
        const QSignalBlocker block(position_);
        position_->setValue(int(index));
    }
}

}  // namespace reslens
