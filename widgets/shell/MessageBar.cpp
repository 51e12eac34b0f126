#include "widgets/shell/MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>

namespace reslens {

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent), label_(new QLabel(this)), fade_(new QTimer(this)) {
    setFrameShape(QFrame::StyledPanel);
    label_->setWordWrap(true);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss (Esc)"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(label_, 1);
    layout->addWidget(close);
    fade_->setSingleShot(true);
    connect(fade_, &QTimer::timeout, this, &MessageBar::dismiss);
    connect(close, &QToolButton::clicked, this, &MessageBar::dismiss);
    hide();
}

void MessageBar::showError(const QString& text) {
    error_ = true;
    fade_->stop();
    setStyleSheet(
        "reslens--MessageBar { background: #fde7e9; border: 1px solid #d13438; }"
        "QLabel { color: #6b0a0e; }");
    label_->setText(text);
    show();
}

void MessageBar::showInfo(const QString& text) {
    error_ = false;
    setStyleSheet(
        "reslens--MessageBar { background: #e8f1fb; border: 1px solid #5b9bd5; }"
        "QLabel { color: #0b3a66; }");
    label_->setText(text);
    show();
    fade_->start(6000);
}

QString MessageBar::text() const {
    return isVisibleTo(parentWidget()) ? label_->text() : QString();
}

void MessageBar::dismiss() {
    error_ = false;
    hide();
}

}  // namespace reslens
