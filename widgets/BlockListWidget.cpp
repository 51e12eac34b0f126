#include "widgets/BlockListWidget.h"

#include <QHeaderView>
#include <QLocale>

namespace reslens {
namespace {

enum Column { kName, kKind, kShortcut, kOutput, kParams, kMacs, kColumnCount };

QString shapeText(const Shape3& s) {
    return QStringLiteral("%1×%2×%3").arg(s[0]).arg(s[1]).arg(s[2]);
}

QString count(int64_t n) {
    return QLocale().toString(static_cast<qlonglong>(n));
}

QString macsText(int64_t macs) {
    return macs >= 1e9 ? QStringLiteral("%1 G").arg(macs / 1e9, 0, 'f', 3)
                       : QStringLiteral("%1 M").arg(macs / 1e6, 0, 'f', 1);
}

QTreeWidgetItem* makeRow(const QString& name, const QString& kind, const QString& shortcut,
                         const Shape3& output, int64_t params, int64_t macs) {
    auto* item = new QTreeWidgetItem;
    item->setText(kName, name);
    item->setText(kKind, kind);
    item->setText(kShortcut, shortcut);
    item->setText(kOutput, shapeText(output));
    item->setText(kParams, count(params));
    item->setText(kMacs, macsText(macs));
    item->setTextAlignment(kParams, Qt::AlignRight | Qt::AlignVCenter);
    item->setTextAlignment(kMacs, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

}  // namespace

BlockListWidget::BlockListWidget(QWidget* parent) : QTreeWidget(parent) {
    setColumnCount(kColumnCount);
    setHeaderLabels({tr("Block"), tr("Kind"), tr("Shortcut"), tr("Output"), tr("Parameters"),
                     tr("Multiply-adds")});
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

void BlockListWidget::showSummary(const ArchitectureSummary& summary) {
    clear();
    blockCount_ = 0;
    addTopLevelItem(makeRow(tr("stem (conv1)"), tr("convolution"), QString(),
                            summary.stem.outputShape, summary.stem.params, summary.stem.macs));
    QTreeWidgetItem* stage = nullptr;
    for (const BlockAccount& block : summary.blocks) {
        const QString stageName = QString::fromStdString(block.info.stage);
        if (!stage || stage->text(kName) != stageName) {
            stage = new QTreeWidgetItem({stageName});
            QFont bold = stage->font(kName);
            bold.setBold(true);
            stage->setFont(kName, bold);
            addTopLevelItem(stage);
            stage->setExpanded(true);
        }
        QTreeWidgetItem* row = makeRow(QString::fromStdString(block.info.name),
                                       QString::fromStdString(toString(block.info.kind)),
                                       QString::fromStdString(toString(block.info.shortcut)),
                                       block.outputShape, block.params, block.macs);
        row->setToolTip(kParams, tr("convolutions %1, batch norm %2, shortcut %3")
                                     .arg(count(block.convParams), count(block.bnParams),
                                          count(block.shortcutParams)));
        stage->addChild(row);
        ++blockCount_;
    }
    addTopLevelItem(makeRow(tr("pool + fc"), tr("classifier"), QString(), summary.head.outputShape,
                            summary.head.params, summary.head.macs));
    expandAll();
}

}  // namespace reslens
