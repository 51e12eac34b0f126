#pragma once

// The row every study view starts with: the model it studies, Run and Cancel, the progress
// line, the twin button (the shipped twin, or any model file) and the export buttons. The
// view adds its own options above it and its charts below; the runner drives the progress
// (connectTo), so that no view writes this row again.

#include <QString>
#include <QWidget>

#include <functional>

#include "app/core/models/ModelRequest.h"

class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;

namespace reslens {

class StudyRunner;

class StudyControls : public QWidget {
    Q_OBJECT

public:
    StudyControls(const QString& runText, const QString& runTip, QWidget* parent = nullptr);

    // The loaded model: its title on the label ("No model open" when empty), Run enabled.
    void setModel(const ModelRequest& request, const QString& title);
    // The twin button: offered with this text once `setTwinEnabled(true)`.
    void addTwinButton(const QString& text, const QString& tip);
    void setTwinEnabled(bool enabled);
    // An export button: asks for a file (`filter`, suggesting `suggested`), calls `save`,
    // and a failure goes to exportFailed.
    void addExport(const QString& text, const QString& suggested, const QString& filter,
                   std::function<QString(const QString&)> save);
    // A note beside the progress (an estimate of the time a run takes, say).
    void setNote(const QString& note);
    // Running: Run (and the twin) disabled, Cancel enabled, the progress busy.
    void setRunning(bool running);
    // `done` of `total`, with a line of text.
    void showProgress(int done, int total, const QString& text);
    // Idle with a last word: "done", "cancelled: what ran is shown", or nothing.
    void showIdle(const QString& text);
    // Shows the runner's progress as "done of total: what" and its running state.
    void connectTo(StudyRunner* runner);

Q_SIGNALS:
    void runClicked();
    void cancelClicked();
    // The twin chosen from the button's menu.
    void twinChosen(const reslens::ModelRequest& twin);
    void exportFailed(const QString& message);

private:
    void chooseTwin();

    ModelRequest model_;
    bool hasModel_ = false;
    bool running_ = false;
    bool twinEnabled_ = false;
    QLabel* modelLabel_;
    QPushButton* run_;
    QPushButton* twin_ = nullptr;
    QPushButton* cancel_;
    QLabel* note_;
    QProgressBar* progress_;
    QHBoxLayout* row_;
};

}  // namespace reslens
