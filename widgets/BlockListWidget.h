#pragma once

// The architecture as a tree: the stem, the residual blocks grouped by the paper's stage
// names, and the classifier head, each with its kind, shortcut, output shape and cost.

#include <QTreeWidget>

#include "model/ArchitectureSummary.h"

namespace reslens {

class BlockListWidget : public QTreeWidget {
    Q_OBJECT

public:
    explicit BlockListWidget(QWidget* parent = nullptr);

    void showSummary(const ArchitectureSummary& summary);
    // Number of residual-block rows shown (stages and stem/head excluded).
    int blockCount() const { return blockCount_; }

private:
    int blockCount_ = 0;
};

}  // namespace reslens
