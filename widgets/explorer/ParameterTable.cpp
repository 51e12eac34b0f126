#include "widgets/explorer/ParameterTable.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include "widgets/common/Formatting.h"

namespace reslens {
namespace {

enum Column {
    kName,
    kKind,
    kShortcut,
    kConv,
    kBn,
    kShortcutParams,
    kTotal,
    kMacs,
    kOutput,
    kColumns
};

}  // namespace

QString bottleneckComparison(const BlockAccount& block) {
    const QString name = QString::fromStdString(block.info.name);
    const int in = block.info.inChannels, out = block.info.outChannels;
    if (block.basicEquivalentParams) {
        const int64_t basic = *block.basicEquivalentParams;
        return QObject::tr(
                   "%1 (bottleneck %2→%3→%3→%4): its convolutions hold %5 parameters; "
                   "a basic block of two 3×3 convolutions at %4 channels would need "
                   "3·3·%4·%4·2 = %6 — %7 vs %6: %8x fewer.")
            .arg(name)
            .arg(in)
            .arg(out / 4)
            .arg(out)
            .arg(countText(block.convParams))
            .arg(countText(basic))
            .arg(countText(block.convParams))
            .arg(double(basic) / double(block.convParams), 0, 'f', 1);
    }
    // A basic block: 3x3 in->out then 3x3 out->out. The bottleneck of the same output
    // width would squeeze to out/4: 1x1 in->out/4, 3x3 out/4->out/4, 1x1 out/4->out.
    const int64_t width = out / 4;
    const int64_t bottleneck = int64_t(in) * width + 9 * width * width + width * out;
    return QObject::tr(
               "%1 (basic %2→%3): 3·3·%2·%3 + 3·3·%3·%3 = %4 convolution parameters; "
               "a bottleneck of the same output width (1×1 to %5, 3×3, 1×1 back) "
               "would need %6.")
        .arg(name)
        .arg(in)
        .arg(out)
        .arg(countText(9 * int64_t(in) * out + 9 * int64_t(out) * out))
        .arg(width)
        .arg(countText(bottleneck));
}

ParameterTable::ParameterTable(QWidget* parent)
    : QWidget(parent),
      table_(new QTableWidget(this)),
      comparison_(new QLabel(this)),
      totals_(new QLabel(this)) {
    table_->setColumnCount(kColumns);
    table_->setHorizontalHeaderLabels({tr("Block"), tr("Kind"), tr("Shortcut"), tr("Conv"),
                                       tr("BN"), tr("Shortcut params"), tr("Total"),
                                       tr("Multiply-adds"), tr("Output")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setAlternatingRowColors(true);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    comparison_->setWordWrap(true);
    comparison_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    totals_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_, 1);
    layout->addWidget(comparison_);
    layout->addWidget(totals_);
}

void ParameterTable::setSummary(const ArchitectureSummary& summary) {
    summary_ = summary;
    rowOfEntry_.clear();
    table_->setRowCount(0);
    auto addRow = [this](const QStringList& cells, bool bold) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c >= kConv && c <= kMacs) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            if (bold) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            table_->setItem(row, c, item);
        }
        return row;
    };
    rowOfEntry_.push_back(addRow({tr("stem (conv1)"), tr("convolution"), QString(), QString(),
                                  QString(), QString(), countText(summary.stem.params),
                                  macsText(summary.stem.macs), shapeText(summary.stem.outputShape)},
                                 false));
    int64_t stageParams = 0, stageMacs = 0, stageConv = 0, stageBn = 0, stageShortcut = 0;
    for (size_t i = 0; i < summary.blocks.size(); ++i) {
        const BlockAccount& b = summary.blocks[i];
        rowOfEntry_.push_back(addRow(
            {QString::fromStdString(b.info.name), QString::fromStdString(toString(b.info.kind)),
             QString::fromStdString(toString(b.info.shortcut)), countText(b.convParams),
             countText(b.bnParams), countText(b.shortcutParams), countText(b.params),
             macsText(b.macs), shapeText(b.outputShape)},
            false));
        stageParams += b.params;
        stageMacs += b.macs;
        stageConv += b.convParams;
        stageBn += b.bnParams;
        stageShortcut += b.shortcutParams;
        const bool stageEnds =
            i + 1 == summary.blocks.size() || summary.blocks[i + 1].info.stage != b.info.stage;
        if (stageEnds) {
            addRow({tr("%1 total").arg(QString::fromStdString(b.info.stage)), QString(), QString(),
                    countText(stageConv), countText(stageBn), countText(stageShortcut),
                    countText(stageParams), macsText(stageMacs), QString()},
                   true);
            stageParams = stageMacs = stageConv = stageBn = stageShortcut = 0;
        }
    }
    rowOfEntry_.push_back(addRow({tr("pool + fc"), tr("classifier"), QString(), QString(),
                                  QString(), QString(), countText(summary.head.params),
                                  macsText(summary.head.macs), shapeText(summary.head.outputShape)},
                                 false));
    addRow({tr("model total"), QString(), QString(), QString(), QString(), QString(),
            countText(summary.totalParams), macsText(summary.macs), QString()},
           true);

    int64_t bottleneckConv = 0, basicEquivalent = 0;
    for (const BlockAccount& b : summary.blocks) {
        if (b.basicEquivalentParams) {
            bottleneckConv += b.convParams;
            basicEquivalent += *b.basicEquivalentParams;
        }
    }
    QString totals = tr("%1: %2 parameters, %3 multiply-adds at %4×%5.")
                         .arg(QString::fromStdString(summary.config.arch))
                         .arg(countText(summary.totalParams))
                         .arg(macsText(summary.macs))
                         .arg(summary.config.inputHeight)
                         .arg(summary.config.inputWidth);
    if (bottleneckConv > 0) {
        totals += tr(" All bottlenecks together: %1 convolution parameters where basic blocks "
                     "would need %2 (%3x fewer).")
                      .arg(countText(bottleneckConv))
                      .arg(countText(basicEquivalent))
                      .arg(double(basicEquivalent) / double(bottleneckConv), 0, 'f', 1);
    }
    totals_->setText(totals);
    comparison_->clear();
}

void ParameterTable::selectEntry(int entry) {
    if (entry < 0 || entry >= rowOfEntry_.size()) {
        return;
    }
    table_->selectRow(rowOfEntry_[entry]);
    table_->scrollToItem(table_->item(rowOfEntry_[entry], 0));
    const int block = entry - 1;
    comparison_->setText(block >= 0 && block < int(summary_.blocks.size())
                             ? bottleneckComparison(summary_.blocks[size_t(block)])
                             : QString());
}

QString ParameterTable::comparisonText() const {
    return comparison_->text();
}

}  // namespace reslens
