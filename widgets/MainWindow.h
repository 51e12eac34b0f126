#pragma once

// The ResLens main window. For now: an architecture picker and the block list of the
// chosen architecture; the input, prediction, feature-map and training panels follow.

#include <QFutureWatcher>
#include <QMainWindow>

#include "model/ArchitectureSummary.h"

class QComboBox;
class QLabel;

namespace reslens {

class BlockListWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    BlockListWidget* blockList() const { return blockList_; }
    QString architecture() const;

public Q_SLOTS:
    // Builds the architecture off the GUI thread and shows it when ready.
    void showArchitecture(const QString& arch);

Q_SIGNALS:
    void architectureShown(const QString& arch);

private:
    void onSummaryReady();

    QComboBox* archCombo_;
    BlockListWidget* blockList_;
    QLabel* totals_;
    QFutureWatcher<ArchitectureSummary> watcher_;
    QString pendingArch_;
};

}  // namespace reslens
