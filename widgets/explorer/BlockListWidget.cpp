#include "widgets/explorer/BlockListWidget.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QSignalBlocker>

#include <algorithm>

#include "widgets/common/Formatting.h"

namespace reslens {
namespace {

enum Column { kName, kKind, kShortcut, kOutput, kParams, kMacs, kBypass, kColumnCount };

QTreeWidgetItem* makeRow(const QString& name, const QString& kind, const QString& shortcut,
                         const Shape3& output, int64_t params, int64_t macs) {
    auto* item = new QTreeWidgetItem;
    item->setText(kName, name);
    item->setText(kKind, kind);
    item->setText(kShortcut, shortcut);
    item->setText(kOutput, shapeText(output));
    item->setText(kParams, countText(params));
    item->setText(kMacs, macsText(macs));
    item->setTextAlignment(kParams, Qt::AlignRight | Qt::AlignVCenter);
    item->setTextAlignment(kMacs, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

}  // namespace

BlockListWidget::BlockListWidget(QWidget* parent) : QTreeWidget(parent) {
    setColumnCount(kColumnCount);
    // Short headers, so every column fits the dock at the default window; the full names
    // are their tooltips.
    setHeaderLabels({tr("Block"), tr("Kind"), tr("Shortcut"), tr("Output"), tr("Params"),
                     tr("Mult-adds"), tr("Bypass")});
    headerItem()->setToolTip(kParams, tr("Parameters"));
    headerItem()->setToolTip(kMacs, tr("Multiply-adds at the model's input size"));
    headerItem()->setToolTip(kBypass, tr("Bypass F(x): the block passes its shortcut on alone "
                                         "(a lesion, Veit et al. 2016). Key: B"));
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &BlockListWidget::showContextMenu);
    connect(this, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem*, int column) {
        if (column == kBypass) {
            Q_EMIT bypassToggled(bypassedBlocks());
        }
    });
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setMinimumWidth(420);  // name, kind, shortcut, output shape, parameters, multiply-adds
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        const int entry = item ? entries_.indexOf(item) : -1;
        if (entry >= 0) {
            Q_EMIT entrySelected(entry);
        }
    });
}

int BlockListWidget::currentEntry() const {
    return entries_.indexOf(currentItem());
}

QString BlockListWidget::entryName(int entry) const {
    QTreeWidgetItem* item = itemOfEntry(entry);
    return item ? item->text(kName) : QString();
}

QTreeWidgetItem* BlockListWidget::itemOfEntry(int entry) const {
    return entry >= 0 && entry < entries_.size() ? entries_[entry] : nullptr;
}

QStringList BlockListWidget::bypassedBlocks() const {
    QStringList blocks;
    for (int entry = 1; entry <= blockCount_; ++entry) {
        if (entries_[entry]->checkState(kBypass) == Qt::Checked) {
            blocks << entries_[entry]->text(kName);
        }
    }
    return blocks;
}

int BlockListWidget::widthForAllColumns() const {
    int width = 0;
    for (int c = 0; c < columnCount(); ++c) {
        width += std::max(sizeHintForColumn(c), header()->sectionSizeHint(c));
    }
    return width + verticalScrollBar()->sizeHint().width() + 2 * frameWidth() + 4;
}

QString BlockListWidget::kindText(BlockKind kind) {
    return kind == BlockKind::Basic ? tr("basic") : tr("bottleneck");
}

QString BlockListWidget::shortcutText(ShortcutKind kind) {
    switch (kind) {
        case ShortcutKind::Identity:
            return tr("identity");
        case ShortcutKind::ZeroPad:
            return tr("zero-pad");
        case ShortcutKind::Projection:
            return tr("projection");
        case ShortcutKind::None:
            break;
    }
    return tr("none");
}

void BlockListWidget::showBypassed(const QStringList& blocks) {
    const QSignalBlocker quiet(this);
    for (int entry = 1; entry <= blockCount_; ++entry) {
        QTreeWidgetItem* item = entries_[entry];
        item->setCheckState(kBypass,
                            blocks.contains(item->text(kName)) ? Qt::Checked : Qt::Unchecked);
    }
}

void BlockListWidget::toggleBypass(int entry) {
    if (entry < 1 || entry > blockCount_) {
        return;  // the stem and the head have no shortcut to fall back on
    }
    QTreeWidgetItem* item = entries_[entry];
    item->setCheckState(kBypass,
                        item->checkState(kBypass) == Qt::Checked ? Qt::Unchecked : Qt::Checked);
}

void BlockListWidget::showContextMenu(const QPoint& position) {
    const int entry = entries_.indexOf(itemAt(position));
    QMenu menu(this);
    if (entry >= 1 && entry <= blockCount_) {
        QAction* bypass = menu.addAction(tr("Bypass F(x) of %1").arg(entryName(entry)));
        bypass->setCheckable(true);
        bypass->setChecked(entries_[entry]->checkState(kBypass) == Qt::Checked);
        bypass->setShortcut(Qt::Key_B);
        connect(bypass, &QAction::triggered, this, [this, entry] { toggleBypass(entry); });
    }
    QAction* restore = menu.addAction(tr("Restore every block"));
    restore->setEnabled(!bypassedBlocks().isEmpty());
    connect(restore, &QAction::triggered, this, [this] {
        showBypassed({});
        Q_EMIT bypassToggled({});
    });
    menu.exec(viewport()->mapToGlobal(position));
}

void BlockListWidget::selectEntry(int entry) {
    if (entries_.isEmpty()) {
        return;
    }
    QTreeWidgetItem* item = itemOfEntry(std::clamp(entry, 0, int(entries_.size()) - 1));
    setCurrentItem(item);
    scrollToItem(item);
}

void BlockListWidget::stepEntry(int delta) {
    selectEntry(std::max(currentEntry(), 0) + delta);
}

void BlockListWidget::stepStage(int delta) {
    const int current = std::max(currentEntry(), 0);
    // Stage starts plus the two ends, so PgUp/PgDn also reach the stem and the head.
    QVector<int> stops = stageStarts_;
    stops.prepend(0);
    stops.append(entryCount() - 1);
    if (delta > 0) {
        for (int stop : stops) {
            if (stop > current) {
                selectEntry(stop);
                return;
            }
        }
        selectEntry(stops.last());
    } else {
        for (int i = int(stops.size()) - 1; i >= 0; --i) {
            if (stops[i] < current) {
                selectEntry(stops[i]);
                return;
            }
        }
        selectEntry(0);
    }
}

void BlockListWidget::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Up:
        case Qt::Key_Left:
            stepEntry(-1);
            break;
        case Qt::Key_Down:
        case Qt::Key_Right:
            stepEntry(1);
            break;
        case Qt::Key_PageUp:
            stepStage(-1);
            break;
        case Qt::Key_PageDown:
            stepStage(1);
            break;
        case Qt::Key_Home:
            selectEntry(0);
            break;
        case Qt::Key_End:
            selectEntry(entryCount() - 1);
            break;
        case Qt::Key_B:
            toggleBypass(currentEntry());
            break;
        default:
            QTreeWidget::keyPressEvent(event);
            return;
    }
    event->accept();
}

void BlockListWidget::showSummary(const ArchitectureSummary& summary) {
    const QSignalBlocker quiet(this);  // the window selects an entry once it is filled
    clear();
    blockCount_ = 0;
    entries_.clear();
    stageStarts_.clear();
    entries_.push_back(makeRow(tr("stem (conv1)"), tr("convolution"), QString(),
                               summary.stem.outputShape, summary.stem.params, summary.stem.macs));
    addTopLevelItem(entries_.back());
    QTreeWidgetItem* stage = nullptr;
    for (const BlockAccount& block : summary.blocks) {
        const QString stageName = QString::fromStdString(block.info.stage);
        if (!stage || stage->text(kName) != stageName) {
            stage = new QTreeWidgetItem({stageName});
            stage->setFlags(Qt::ItemIsEnabled);  // a heading, not a stop for the navigator
            stageStarts_.push_back(int(entries_.size()));
            QFont bold = stage->font(kName);
            bold.setBold(true);
            stage->setFont(kName, bold);
            addTopLevelItem(stage);
            stage->setExpanded(true);
        }
        QTreeWidgetItem* row =
            makeRow(QString::fromStdString(block.info.name), kindText(block.info.kind),
                    shortcutText(block.info.shortcut), block.outputShape, block.params, block.macs);
        row->setToolTip(kParams, tr("convolutions %1, batch norm %2, shortcut %3")
                                     .arg(countText(block.convParams), countText(block.bnParams),
                                          countText(block.shortcutParams)));
        row->setFlags(row->flags() | Qt::ItemIsUserCheckable);
        row->setCheckState(kBypass, Qt::Unchecked);
        row->setToolTip(kBypass, tr("Bypass F(x): %1 passes its shortcut on alone")
                                     .arg(QString::fromStdString(block.info.name)));
        stage->addChild(row);
        entries_.push_back(row);
        ++blockCount_;
    }
    entries_.push_back(makeRow(tr("pool + fc"), tr("classifier"), QString(),
                               summary.head.outputShape, summary.head.params, summary.head.macs));
    addTopLevelItem(entries_.back());
    expandAll();
}

}  // namespace reslens
