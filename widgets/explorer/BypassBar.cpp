#include "widgets/explorer/BypassBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace reslens {

BypassBar::BypassBar(QWidget* parent)
    : QWidget(parent),
      label_(new QLabel(this)),
      restore_(new QPushButton(tr("Restore all"), this)) {
    label_->setWordWrap(true);
    label_->setStyleSheet(QStringLiteral("color: #b35806; font-weight: bold;"));
    restore_->setToolTip(tr("Bypass no block: the network as it was trained"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_, 1);
    layout->addWidget(restore_);
    connect(restore_, &QPushButton::clicked, this, &BypassBar::restoreRequested);
    setVisible(false);
}

void BypassBar::showBypassed(const QStringList& blocks) {
    const QString names = blocks.join(QStringLiteral(", "));
    label_->setText(blocks.size() == 1
                        ? tr("1 block bypassed: %1").arg(names)
                        : tr("%1 blocks bypassed: %2").arg(blocks.size()).arg(names));
    setVisible(!blocks.isEmpty());
}

QString BypassBar::text() const {
    return isHidden() ? QString() : label_->text();
}

}  // namespace reslens
