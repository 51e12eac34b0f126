#pragma once

// The architecture as a tree: the stem, the residual blocks grouped by the paper's stage
// names, and the classifier head, each with its kind, shortcut, output shape and cost.
// It is also the block navigator: entries are numbered 0 (stem), 1..N (blocks), N + 1
// (head); arrow keys step one entry, PgUp/PgDn one stage, Home/End to the ends.

#include <QTreeWidget>

#include "model/network/ArchitectureSummary.h"

namespace reslens {

class BlockListWidget : public QTreeWidget {
    Q_OBJECT

public:
    explicit BlockListWidget(QWidget* parent = nullptr);

    void showSummary(const ArchitectureSummary& summary);
    // Number of residual-block rows shown (stages and stem/head excluded).
    int blockCount() const { return blockCount_; }
    int entryCount() const { return blockCount_ + 2; }
    int currentEntry() const;
    QString entryName(int entry) const;

public Q_SLOTS:
    void selectEntry(int entry);
    void stepEntry(int delta);
    void stepStage(int delta);

Q_SIGNALS:
    void entrySelected(int entry);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QTreeWidgetItem* itemOfEntry(int entry) const;

    int blockCount_ = 0;
    QVector<QTreeWidgetItem*> entries_;
    QVector<int> stageStarts_;  // the entry of each stage's first block
};

}  // namespace reslens
