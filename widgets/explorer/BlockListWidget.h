#pragma once

// The architecture as a tree: the stem, the residual blocks grouped by the paper's stage
// names, and the classifier head, each with its kind, shortcut, output shape and cost.
// It is also the block navigator: entries are numbered 0 (stem), 1..N (blocks), N + 1
// (head); arrow keys step one entry, PgUp/PgDn one stage, Home/End to the ends. Each
// residual block can be bypassed (a lesion, Veit et al. 2016): the Bypass column's check
// box, the context menu, or B on the selected block.

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
    QStringList bypassedBlocks() const;
    // The width that shows every column in full beside the vertical scroll bar.
    int widthForAllColumns() const;

public Q_SLOTS:
    void selectEntry(int entry);
    void stepEntry(int delta);
    void stepStage(int delta);
    // Sets the check boxes without emitting bypassToggled.
    void showBypassed(const QStringList& blocks);
    void toggleBypass(int entry);

Q_SIGNALS:
    void entrySelected(int entry);
    // The user changed a block's bypass: all blocks bypassed now.
    void bypassToggled(const QStringList& blocks);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    // The engine's words for a block's kind and shortcut, in the window's language.
    static QString kindText(BlockKind kind);
    static QString shortcutText(ShortcutKind kind);
    QTreeWidgetItem* itemOfEntry(int entry) const;
    void showContextMenu(const QPoint& position);

    int blockCount_ = 0;
    QVector<QTreeWidgetItem*> entries_;
    QVector<int> stageStarts_;  // the entry of each stage's first block
};

}  // namespace reslens
