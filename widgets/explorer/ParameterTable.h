#pragma once

// What every block costs: parameters split into convolutions, batch norm and shortcut,
// multiply-adds and output shape, with stage and model totals, and for the selected block
// the bottleneck-against-basic comparison spelled out.

#include <QWidget>

#include "model/network/ArchitectureSummary.h"

class QLabel;
class QTableWidget;

namespace reslens {

class ParameterTable : public QWidget {
    Q_OBJECT

public:
    explicit ParameterTable(QWidget* parent = nullptr);

    void setSummary(const ArchitectureSummary& summary);
    // Navigator entry: 0 stem, 1..N blocks, N + 1 head.
    void selectEntry(int entry);
    QTableWidget* table() const { return table_; }
    QString comparisonText() const;

private:
    ArchitectureSummary summary_;
    QVector<int> rowOfEntry_;
    QTableWidget* table_;
    QLabel* comparison_;
    QLabel* totals_;
};

// "69,632 vs 1,179,648: 16.9x fewer" for a bottleneck; the basic block's own arithmetic
// otherwise. Exposed for the statistics export and the tests.
QString bottleneckComparison(const BlockAccount& block);

}  // namespace reslens
